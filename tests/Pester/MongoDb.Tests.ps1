# New-DbDesign -Engine mongodb as a user meets it: the design object, Export-DbDesign's mongodb/ folder, and the
# relational-only cmdlets saying plainly they do not apply to a document design.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModuleManifest -Force
    $script:Ecommerce = Join-Path $RepoRoot 'examples/requirements/ecommerce.yaml'
}

Describe 'New-DbDesign -Engine mongodb' {
    It 'designs a document model and exports the mongosh scripts beside design.md' {
        $design = New-DbDesign -Path $Ecommerce -Engine mongodb -ErrorAction Stop
        $design.EngineDisplayName | Should -Be 'MongoDB 7.0'
        $design.Family | Should -Be 'Document'
        $folder = Join-Path $TestDrive 'shop-mongo'
        $design | Export-DbDesign -Path $folder -ErrorAction Stop | Out-Null
        (Join-Path $folder 'mongodb/create.js') | Should -Exist
        (Join-Path $folder 'mongodb/queries.js') | Should -Exist
        Get-Content (Join-Path $folder 'mongodb/create.js') -Raw | Should -Match 'ensureCollection\("order"'
        Get-Content (Join-Path $folder 'design.md') -Raw | Should -Match 'Embedded as order\.payment'
    }

    It 'refuses New-PartitionScript for a document design with OperationNotApplicable' {
        $design = New-DbDesign -Path $Ecommerce -Engine mongodb -ErrorAction Stop
        { $design | New-PartitionScript -Table order -Column created_at -ErrorAction Stop } | Should -Throw -ErrorId 'OperationNotApplicable,*'
    }

    It 'refuses only the non-relational design of a piped pair and still plans the relational one' {
        $mongo = New-DbDesign -Path $Ecommerce -Engine mongodb -ErrorAction Stop
        $postgres = New-DbDesign -Path $Ecommerce -Engine postgresql -ErrorAction Stop
        $plans = @($mongo, $postgres | New-PartitionScript -Table order -Column created_at -ErrorAction SilentlyContinue -ErrorVariable refused)
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'OperationNotApplicable,*'
        $refused[0].Exception.Message | Should -Match 'for MongoDB 7\.0, a document store'
        $plans.Count | Should -BeGreaterThan 0
        $plans[0].Table | Should -Be 'order'
    }
}
