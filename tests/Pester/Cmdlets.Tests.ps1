# The cmdlets as a user meets them: parameter binding, pipelines, errors, -WhatIf/-Force and tab completion.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModuleManifest -Force

    # Writes a requirements file into $TestDrive and returns its path.
    function New-Fixture([string] $Name, [string] $Yaml) {
        $path = Join-Path $TestDrive $Name
        Set-Content -LiteralPath $path -Value $Yaml -Encoding utf8NoBOM
        $path
    }

    # Runs a script and returns the ErrorRecords it wrote or threw, in order.
    function Get-Errors([scriptblock] $Script) {
        $ErrorActionPreference = 'Continue'
        $records = [System.Collections.Generic.List[System.Management.Automation.ErrorRecord]]::new()
        try {
            & $Script 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $records.Add($_) } }
        }
        catch {
            $records.Add($_)
        }
        , $records.ToArray()
    }
}

Describe 'Error mapping' {
    It 'maps every Core ErrorKind to its PowerShell category' {
        $toCategory = [DbArchitect.PS.DbArchitectCmdlet].GetMethod('ToCategory', [System.Reflection.BindingFlags] 'NonPublic, Static')
        $kinds = $toCategory.GetParameters()[0].ParameterType
        $expected = @{
            InvalidData = 'InvalidData'; InvalidArgument = 'InvalidArgument'; ObjectNotFound = 'ObjectNotFound'
            ResourceExists = 'ResourceExists'; NotImplemented = 'NotImplemented'; WriteError = 'WriteError'
            ReadError = 'ReadError'; SyntaxError = 'ParserError'; SecurityError = 'SecurityError'
            ConnectionError = 'ConnectionError'
        }
        foreach ($kind in [enum]::GetValues($kinds)) {
            "$($toCategory.Invoke($null, @($kind)))" | Should -Be $expected["$kind"] -Because "ErrorKind.$kind"
        }
    }

    It 'turns a Core error into an ErrorRecord with its id, location-first message, fix and target' {
        $core = (Get-Command Import-DbRequirement).OutputType.Type.Assembly
        $location = [Activator]::CreateInstance($core.GetType('DbArchitect.Core.Requirements.SourceLocation'), @('shop.yaml', 12, 7))
        $kind = [enum]::Parse($core.GetType('DbArchitect.Core.Errors.ErrorKind'), 'SyntaxError')
        $error = [Activator]::CreateInstance($core.GetType('DbArchitect.Core.Errors.DbArchitectError'), @('YamlSyntaxError', $kind, 'Unexpected end of flow sequence.', 'Close the [ with ].', $location, $null))
        $toRecord = [DbArchitect.PS.DbArchitectCmdlet].GetMethod('ToErrorRecord', [System.Reflection.BindingFlags] 'NonPublic, Static')
        $record = $toRecord.Invoke($null, @($error, 'shop.yaml'))
        $record.FullyQualifiedErrorId | Should -Be 'YamlSyntaxError'
        $record.CategoryInfo.Category | Should -Be 'ParserError'
        $record.ErrorDetails.Message | Should -Be 'shop.yaml:12:7: Unexpected end of flow sequence.'
        $record.Exception.Message | Should -Be 'shop.yaml:12:7: Unexpected end of flow sequence. Close the [ with ].'
        $record.ErrorDetails.RecommendedAction | Should -Be 'Close the [ with ].'
        $record.TargetObject | Should -Be 'shop.yaml'
        $record.Exception.StackTrace | Should -BeNullOrEmpty
    }
}

Describe 'Import-DbRequirement' {
    It 'reports a missing file as RequirementFileNotFound (ObjectNotFound), without a stack trace' {
        $missing = Join-Path $TestDrive 'missing.yaml'
        $errors = Get-Errors { Import-DbRequirement -Path $missing }
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'RequirementFileNotFound,*'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].ToString() | Should -BeLike "$missing*"
        $errors[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        ($errors[0] | Out-String) | Should -Not -Match '\n\s+at '
    }

    It 'reports a wildcard that matches nothing, and a folder, as RequirementFileNotFound' {
        $errors = Get-Errors { Import-DbRequirement -Path (Join-Path $TestDrive '*.nothing'), $TestDrive }
        $errors.Count | Should -Be 2
        $errors.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'RequirementFileNotFound,*' }
        $errors[1].ToString() | Should -Match 'folder'
    }

    It 'takes -LiteralPath as written (brackets are not wildcards)' {
        $errors = Get-Errors { Import-DbRequirement -LiteralPath (Join-Path $TestDrive 'x[1].yaml') }
        $errors[0].TargetObject | Should -BeLike '*x`[1`].yaml'
    }

    It 'reads a file whose name holds wildcard characters when Get-ChildItem pipes it in' {
        $odd = Join-Path $TestDrive 'odd[1].yaml'
        Copy-Item -LiteralPath $ShopYaml -Destination $odd
        $requirement = Get-ChildItem -LiteralPath $odd | Import-DbRequirement -ErrorAction Stop
        $requirement.Name | Should -Be 'PesterShop'
        (Import-DbRequirement -LiteralPath $odd -ErrorAction Stop).Name | Should -Be 'PesterShop'
    }

    It 'binds FullName and PSPath by property name' {
        $missing = Join-Path $TestDrive 'by-name.yaml'
        (Get-Errors { [pscustomobject]@{ FullName = $missing } | Import-DbRequirement })[0].TargetObject | Should -Be $missing
        (Get-Errors { [pscustomobject]@{ PSPath = $missing } | Import-DbRequirement })[0].TargetObject | Should -Be $missing
    }

    It 'reads a valid file into a DbRequirement' {
        $requirement = Import-DbRequirement -Path $ShopYaml -ErrorAction Stop
        $requirement.GetType().FullName | Should -Be 'DbArchitect.Core.Requirements.DbRequirement'
        $requirement.Name | Should -Be 'PesterShop'
        $requirement.Entities.Count | Should -Be 2
    }

    It 'reads every file Get-ChildItem pipes in' {
        $requirements = @(Get-ChildItem -Path (Join-Path $Fixtures '*.yaml') | Import-DbRequirement -ErrorAction Stop)
        @($requirements.Name | Sort-Object) | Should -Be @('PesterBlog', 'PesterShop')
    }

    It 'reports bad YAML with a stable id, ParserError, file:line:column and no stack trace' {
        $bad = New-Fixture 'bad-syntax.yaml' "application:`n  name: Broken`nentities:`n  - name: [customer`n    attributes: []`n"
        $errors = Get-Errors { Import-DbRequirement -Path $bad }
        $errors.Count | Should -BeGreaterOrEqual 1
        $id = ($errors[0].FullyQualifiedErrorId -split ',')[0]
        $id | Should -Match '^[A-Z][A-Za-z]+$'
        $id | Should -Not -Be 'FeatureNotImplemented'
        $errors[0].CategoryInfo.Category | Should -Be 'ParserError'
        $errors[0].ToString() | Should -Match ([regex]::Escape($bad) + ':\d+:\d+')
        ($errors | Out-String) | Should -Not -Match '\n\s+at '
    }

    It 'reports every error of a file, each with its location, and outputs nothing' {
        $bad = New-Fixture 'two-problems.yaml' @'
application:
  name: Twice
entities:
  - name: customer
    atributes:
      - { name: email, type: email }
  - name: order
    attributes:
      - { name: total, type: "decimal(2,5)" }
'@
        $errors = $null
        $output = Import-DbRequirement -Path $bad -ErrorVariable errors -ErrorAction SilentlyContinue
        $output | Should -BeNullOrEmpty
        @($errors).Count | Should -BeGreaterOrEqual 2
        foreach ($error in $errors) {
            $error.ToString() | Should -Match ([regex]::Escape($bad) + ':\d+:\d+')
        }
        ($errors | ForEach-Object ToString) -join "`n" | Should -Match 'did you mean'
    }
}

Describe 'New-DbDesign' {
    It 'stops on an unknown -Engine with UnknownEngine (InvalidArgument) before reading anything' {
        $errors = Get-Errors { New-DbDesign -Path (Join-Path $TestDrive 'never-read.yaml') -Engine nosuchdb }
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'UnknownEngine,*'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errors[0].ErrorDetails.RecommendedAction | Should -Match 'postgresql'
        { New-DbDesign -Path $ShopYaml -Engine nosuchdb -ErrorAction Stop } | Should -Throw -ErrorId 'UnknownEngine,*'
    }

    It 'completes -Engine with the known engine ids' {
        $line = 'New-DbDesign -Engine postg'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('postgresql')
        $line = 'ConvertTo-DbSql -Engine '
        $all = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $all | Should -Contain 'postgresql'
        $all | Should -Contain 'sqlserver'
        $all.Count | Should -BeGreaterOrEqual 10
    }

    It 'binds a FileInfo from the pipeline to -Path' {
        $missing = Join-Path $TestDrive 'design-me.yaml'
        (Get-Errors { [pscustomobject]@{ FullName = $missing } | New-DbDesign })[0].FullyQualifiedErrorId | Should -BeLike 'RequirementFileNotFound,*'
    }

    It 'designs from -Path and from a piped DbRequirement alike' {
        $fromPath = New-DbDesign -Path $ShopYaml -ErrorAction Stop
        $fromPipe = Import-DbRequirement -Path $ShopYaml | New-DbDesign -ErrorAction Stop
        $fromPath.GetType().FullName | Should -Be 'DbArchitect.Core.Design.DbDesign'
        $fromPath.Engine | Should -Be 'postgresql'
        $fromPath.TableCount | Should -BeGreaterOrEqual 2
        $fromPipe.TableCount | Should -Be $fromPath.TableCount
    }

    It 'reports an unknown engine inside a requirements file with its location' {
        $bad = New-Fixture 'bad-engine.yaml' "application:`n  name: Odd`nengine: nosuchdb`nentities:`n  - name: thing`n    attributes:`n      - { name: label, type: string(20) }`n"
        $errors = Get-Errors { New-DbDesign -Path $bad }
        $errors.Count | Should -BeGreaterOrEqual 1
        $errors[0].ToString() | Should -Match ([regex]::Escape($bad) + ':3:\d+')
    }
}

Describe 'ConvertTo-DbSql and Get-DbErDiagram' {
    It 'turns a design into ordered SqlScript objects' {
        $scripts = @(New-DbDesign -Path $ShopYaml -ErrorAction Stop | ConvertTo-DbSql -ErrorAction Stop)
        $scripts.Count | Should -BeGreaterThan 0
        $scripts[0].GetType().FullName | Should -Be 'DbArchitect.Core.Engines.SqlScript'
        ($scripts | Where-Object IsBuildStep).Text -join "`n" | Should -Match 'CREATE TABLE'
    }

    It 'writes SQL Server T-SQL with GO batches for -Engine sqlserver' {
        $scripts = @(New-DbDesign -Path $ShopYaml -ErrorAction Stop | ConvertTo-DbSql -Engine sqlserver -ErrorAction Stop)
        @($scripts.Engine | Sort-Object -Unique) | Should -Be @('sqlserver')
        $build = ($scripts | Where-Object IsBuildStep).Text -join "`n"
        $build | Should -Match 'CREATE TABLE \[\w+\]\.\['
        $build | Should -Match '(?m)^GO$'
        $build | Should -Not -Match 'gen_random_uuid|timestamptz'
        (New-DbDesign -Path $ShopYaml -Engine sqlserver -ErrorAction Stop).EngineDisplayName | Should -Be 'SQL Server 2022'
    }

    It 'renders Mermaid erDiagram text for a design and for a schema' {
        $design = New-DbDesign -Path $ShopYaml -ErrorAction Stop
        $text = $design | Get-DbErDiagram -ErrorAction Stop
        $text | Should -BeOfType [string]
        $text | Should -Match '^\s*erDiagram'
        $design.Logical | Get-DbErDiagram -ErrorAction Stop | Should -Match 'erDiagram'
    }
}

Describe 'Get-DbCapacityForecast' {
    It 'returns one TableCapacity per table whose figures are the design''s CapacityForecast' {
        $design = New-DbDesign -Path $ExampleYaml -ErrorAction Stop
        $rows = @($design | Get-DbCapacityForecast -ErrorAction Stop)
        $rows.Count | Should -Be $design.CapacityForecast.Tables.Count
        $rows[0].GetType().FullName | Should -Be 'DbArchitect.Core.Design.TableCapacity'
        for ($i = 0; $i -lt $rows.Count; $i++) {
            $expected = $design.CapacityForecast.Tables[$i]
            $rows[$i].Table | Should -Be $expected.Table
            $rows[$i].RowsAtRetention | Should -Be $expected.RowsAtRetention
            $rows[$i].TotalAtRetention | Should -Be $expected.TotalAtRetention
        }
        ($rows | Measure-Object TotalAtRetention -Sum).Sum | Should -Be $design.CapacityForecast.TotalBytes.AtRetention
    }

    It 'designs a requirements file or a piped requirement first, and -Detailed adds one row per index' {
        $design = New-DbDesign -Path $ExampleYaml -ErrorAction Stop
        $fromPath = @(Get-DbCapacityForecast -Path $ExampleYaml -ErrorAction Stop)
        $fromPath.Count | Should -Be $design.CapacityForecast.Tables.Count
        $fromRequirement = @(Import-DbRequirement -Path $ExampleYaml -ErrorAction Stop | Get-DbCapacityForecast -ErrorAction Stop)
        $fromRequirement[0].TotalAtRetention | Should -Be $fromPath[0].TotalAtRetention
        $detailed = @($design | Get-DbCapacityForecast -Detailed -ErrorAction Stop)
        $indexes = @($detailed | Where-Object { $_.GetType().FullName -eq 'DbArchitect.Core.Design.IndexCapacity' })
        $indexes.Count | Should -Be (@($design.CapacityForecast.Tables | ForEach-Object { $_.Indexes }).Count)
        $indexes.Count | Should -BeGreaterThan 0
    }

    It 'binds -Design, -Requirement and -Path in their own parameter sets' {
        $command = Get-Command Get-DbCapacityForecast
        $command.ParameterSets.Name | Sort-Object | Should -Be @('Design', 'Path', 'Requirement')
        $command.Parameters['Design'].ParameterSets['Design'].ValueFromPipeline | Should -BeTrue
        $command.Parameters['Requirement'].ParameterSets['Requirement'].ValueFromPipeline | Should -BeTrue
        $command.Parameters['Engine'].ParameterSets.Keys | Should -Not -Contain 'Design'
        $command.Parameters['Detailed'].SwitchParameter | Should -BeTrue
    }
}

Describe 'Export-DbDesign' {
    BeforeAll {
        $script:Design = New-DbDesign -Path $ShopYaml -ErrorAction SilentlyContinue
    }

    It 'writes nothing with -WhatIf' {
        $Design | Should -Not -BeNullOrEmpty
        $target = Join-Path $TestDrive 'whatif'
        $result = $Design | Export-DbDesign -Path $target -WhatIf
        $result | Should -BeNullOrEmpty
        $target | Should -Not -Exist
    }

    It 'writes the design folder and returns an ExportResult; a relative -Path is resolved against $PWD' {
        Push-Location $TestDrive
        try {
            $result = $Design | Export-DbDesign -Path 'relative-out' -ErrorAction Stop
        }
        finally {
            Pop-Location
        }
        $result.GetType().FullName | Should -Be 'DbArchitect.Core.Export.ExportResult'
        $result.Path | Should -Be (Join-Path $TestDrive 'relative-out')
        $result.FileCount | Should -BeGreaterThan 0
        foreach ($file in $result.Files) { Join-Path $result.Path $file.RelativePath | Should -Exist }
    }

    It 'refuses an existing folder without -Force (ResourceExists) and replaces a folder it wrote with -Force' {
        $target = Join-Path $TestDrive 'existing'
        $null = $Design | Export-DbDesign -Path $target -ErrorAction Stop
        $before = @(Get-ChildItem -LiteralPath $target -Recurse -Force).Count
        $errors = Get-Errors { $Design | Export-DbDesign -Path $target }
        $errors.Count | Should -Be 1
        $errors[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        @(Get-ChildItem -LiteralPath $target -Recurse -Force).Count | Should -Be $before

        $result = $Design | Export-DbDesign -Path $target -Force -ErrorAction Stop
        $result.FileCount | Should -BeGreaterThan 0
        @($result.Leftovers).Count | Should -Be 0
    }

    It '-Path . -Force in a folder holding a file it did not write is refused and the file kept' {
        $folder = Join-Path $TestDrive 'project'
        $null = New-Item -ItemType Directory -Path (Join-Path $folder 'src')
        Set-Content -LiteralPath (Join-Path $folder 'src/important.cs') -Value 'class Important {}'
        Push-Location $folder
        try {
            $errors = Get-Errors { $Design | Export-DbDesign -Path . -Force }
        }
        finally {
            Pop-Location
        }
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'DesignFolderNotExported*'
        $errors[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $errors[0].TargetObject | Should -Be $folder
        $errors[0].Exception.Message | Should -BeLike "*$folder*"
        Get-Content -LiteralPath (Join-Path $folder 'src/important.cs') | Should -Be 'class Important {}'
        @(Get-ChildItem -LiteralPath $folder -Recurse -Force -File).Name | Should -Be @('important.cs')
        @(Get-ChildItem -LiteralPath $TestDrive -Force -Filter '.project.*').Count | Should -Be 0
    }
}

Describe 'Pipeline composition with the examples' {
    It 'Get-ChildItem examples | Import-DbRequirement | New-DbDesign | Export-DbDesign exports every example' {
        $examples = @(Get-ChildItem -Path (Join-Path $RepoRoot 'examples/requirements/*.yaml'))
        $examples.Count | Should -BeGreaterThan 0
        $out = Join-Path $TestDrive 'examples'
        $results = @($examples | Import-DbRequirement -ErrorAction Stop | New-DbDesign -ErrorAction Stop |
                Export-DbDesign -Path { Join-Path $out $_.Application } -Force -ErrorAction Stop)
        $results.Count | Should -Be $examples.Count
        foreach ($result in $results) { Join-Path $result.Path 'er.mmd' | Should -Exist }
    }

    It 'New-DbDesign | ConvertTo-DbSql works on the e-commerce example' {
        $scripts = @(New-DbDesign -Path $ExampleYaml -ErrorAction Stop | ConvertTo-DbSql -ErrorAction Stop)
        $scripts.Count | Should -BeGreaterThan 0
        @($scripts.Order) | Should -Be @($scripts.Order | Sort-Object)
    }
}
