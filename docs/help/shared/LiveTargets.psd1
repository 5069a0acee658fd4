# Descriptions of the target and sweep parameters every live cmdlet shares (DbArchitectLiveCmdlet). tools/Build-Help.ps1
# uses them for any of these parameters a cmdlet's own help source does not describe, so they are written once.
@{
    Parameters = @{
        InventoryPath   = 'CSV or YAML files listing the targets. CSV: a header row naming the columns server (required), port, engine, database, tags and credential (the name of a SecretManagement secret). YAML: a list of targets with the same keys, or a targets: key holding it. Each bad row is its own error naming file:line:column and the fix; the good rows are swept. -Engine, -Database and -CredentialName are the defaults for rows that leave those out.'
        Tag             = 'Sweep only the targets of the -InventoryPath inventories that carry at least one of these tags (the tags column; compared without case): -Tag prod, reporting is the union of both. Completes from the inventory already typed. A tag no target carries is a warning listing the tags there are; -Tag without an inventory is an error.'
        CredentialName  = 'The name of a secret in a Microsoft.PowerShell.SecretManagement vault that holds the login as a PSCredential; read once per name with Get-Secret. An inventory''s credential column names one per target. Needs the SecretManagement module (a clear error per target otherwise); the password never appears on the command line, in output or in errors.'
        ThrottleLimit   = 'How many targets are worked on at once. Each target holds one connection, except Import-DbSchema on PostgreSQL, which reads the large catalogs on up to four connections sharing one snapshot; so at most 8 (or 32 for Import-DbSchema) connections are open at once by default. Default 8; 1 sweeps one target after another.'
        Shard           = 'k/n: sweep only shard k of n (2/4 is the second of four runners). Each target''s shard comes from a stable hash of its engine, host, port and database, the same on every machine, so the n jobs of a CI matrix cover the estate exactly once.'
        EnableException = 'A failing target (unreachable, login refused, timeout) ends the command with a terminating error. Without it each failing target is one non-terminating error naming it, and every other target''s results still arrive.'
    }
}
