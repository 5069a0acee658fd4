@{
    Synopsis    = 'Reads requirements files (format 1, YAML) into validated DbRequirement objects.'
    Description = @'
Import-DbRequirement reads one or more requirements files written in DbArchitect requirements format 1 and returns a typed, validated DbRequirement object for each valid file.

Every problem of a file is reported, not only the first: YAML syntax errors, unknown keys (with a "did you mean" hint), unknown types, bad type arguments, duplicate names, relationships or access patterns that name unknown entities or attributes, and unknown engines. Each problem is a separate non-terminating error whose message starts with file:line:column, whose ErrorId is stable (for example RequirementFileNotFound), and whose recommended action says how to fix it. A file with errors produces no object; the other files in the pipeline are still read.

-Path accepts wildcards and takes the FullName or PSPath property from the pipeline, so the output of Get-ChildItem can be piped in directly.
'@
    Parameters  = @{
        Path        = 'Path of a requirements file (.yaml). Wildcards are expanded by the file system provider; a pattern that matches no file is reported as RequirementFileNotFound. Binds the FullName and PSPath properties of pipeline input, so Get-ChildItem output can be piped in.'
        LiteralPath = 'Path of a requirements file, used exactly as written: no wildcard expansion. Use it for file names that contain [ ] or other wildcard characters.'
    }
    Examples    = @(
        @{
            Title   = 'Read one requirements file'
            Code    = 'Import-DbRequirement -Path ./examples/requirements/ecommerce.yaml'
            Remarks = 'Reads and validates the e-commerce example and shows its name, kind, tenancy and the number of entities, relationships and access patterns.'
        }
        @{
            Title   = 'Read every requirements file of a folder'
            Code    = 'Get-ChildItem ./examples/requirements/*.yaml | Import-DbRequirement'
            Remarks = 'Get-ChildItem passes each file by its FullName; every valid file becomes a DbRequirement and every error of every file is reported.'
        }
        @{
            Title   = 'Check a file in a pipeline and fail the job on any error'
            Code    = "Import-DbRequirement -Path ./examples/requirements/ecommerce.yaml -ErrorAction Stop | Out-Null"
            Remarks = 'With -ErrorAction Stop the first error stops the script with a non-zero exit code, which makes a CI step fail. Drop -ErrorAction Stop to see all errors of the file at once.'
        }
    )
    Notes       = 'Errors carry their location in the message (file:line:column) and in ErrorDetails.RecommendedAction the fix. Match on $_.FullyQualifiedErrorId in scripts; the ids are stable.'
    Links       = @('New-DbDesign', 'Export-DbDesign')
}
