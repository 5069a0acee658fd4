@{
    Synopsis    = 'Writes a design folder: numbered SQL files, the ER diagram, the design document and the design JSON.'
    Description = @'
Export-DbDesign writes everything a design consists of to one folder: the numbered SQL files (001_..., 002_...) that build the database when applied in order, optional and reference scripts in sub-folders, er.mmd (a Mermaid ER diagram), design.md (a readable design document) and design.json. The output is deterministic: the same design gives the same bytes.

Writing is all-or-nothing: a failure leaves no partial folder and an existing folder untouched. An existing folder is refused unless -Force is given, and -Force replaces only an empty folder or one Export-DbDesign wrote (every export writes a .dbarchitect-export file listing its files; a folder holding anything else, such as a source tree or the current directory, is refused with DesignFolderNotExported and left untouched). Hidden temporaries of an interrupted export (.name.tmp-*, .name.old-*, .name.lock-*) are removed by the next export to the same folder; what cannot be removed is reported as a warning and in the result's Leftovers. The command supports -WhatIf and -Confirm; with -WhatIf it says how many files it would write and writes nothing. It returns an ExportResult with the folder, the engine, the files written and any leftovers.
'@
    Parameters  = @{
        Design = 'The DbDesign to export, from New-DbDesign. Accepts pipeline input.'
        InputObject = 'Anything else that carries SQL: index recommendations, partition plans, migration steps. Their scripts are written to the folder at their relative paths, with the same all-or-nothing and -Force rules. Accepts pipeline input.'
        Path   = 'The folder to write the design to. A relative path is resolved against the current location. The folder is created; an existing folder is refused unless -Force is given.'
        Force  = 'Replace the folder named by -Path when it already exists and is empty or was written by Export-DbDesign (marked by .dbarchitect-export, holding only the files listed there). The old folder is only replaced once the new one has been written completely.'
    }
    Examples    = @(
        @{
            Title   = 'Design and export the e-commerce example'
            Code    = 'New-DbDesign -Path ./examples/requirements/ecommerce.yaml | Export-DbDesign -Path ./out/ecommerce -Force'
            Remarks = 'Writes the design folder ./out/ecommerce, replacing it if it exists, and shows the folder, engine and number of files.'
        }
        @{
            Title   = 'See what would be written'
            Code    = 'New-DbDesign -Path ./examples/requirements/ecommerce.yaml | Export-DbDesign -Path ./out/ecommerce -WhatIf'
            Remarks = 'Prints "What if: Performing the operation "Write N design files" on target ..." and writes nothing.'
        }
        @{
            Title   = 'Export every requirements file of a folder'
            Code    = @'
Get-ChildItem ./examples/requirements/*.yaml | ForEach-Object {
    New-DbDesign -Path $_.FullName | Export-DbDesign -Path "./out/$($_.BaseName)" -Force
}
'@
            Remarks = 'Gives each application its own design folder named after its requirements file.'
        }
    )
    Notes       = 'List the files written with (Export-DbDesign ...).Files.'
    Links       = @('New-DbDesign', 'ConvertTo-DbSql', 'Get-DbErDiagram')
}
