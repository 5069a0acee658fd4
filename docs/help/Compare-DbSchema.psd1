@{
    Synopsis    = 'Lists the differences between two schemas: designs, imported schemas, or a design and a live database.'
    Description = @'
Compare-DbSchema compares a reference schema (what is) with a difference schema (what is wanted) and returns one SchemaDifference per difference: a table, column, primary key, unique key, foreign key, check, index, row-level security policy, sequence or view that was added, removed, renamed or changed, and for changes the property (type, nullability, default, identity, comment, definition, row-level security or partitioning) with its old and new value and a description.

Policies compare by command, roles and their USING and WITH CHECK expressions as the catalog prints them; a design carries the policies its security script creates. Sequences compare by their settings (type, start, increment, bounds, cache, cycle), views by name only. Column order is not compared.

Either side can be a DbDesign (New-DbDesign) or a SchemaModel (Import-DbSchema). With -ConnectionString or -Server the reference is read from the live database, so a design can be checked against production in one command; a design index written as a CREATE INDEX text (an arbitrary expression or predicate) is then printed by the server the way its catalog prints it, so the same index compares equal.

Types are compared in the catalog's own spelling (varchar(200) equals character varying(200)), defaults by meaning (now, a random uuid, a literal, a JSON document), and comments as text. Renames are never guessed: without a -RenameMap hint a renamed column is a removed column plus an added one, and New-DbMigrationScript refuses to lose the old values.
'@
    Parameters  = @{
        Reference        = 'What is today: a DbDesign or a SchemaModel.'
        Difference       = 'What is wanted: a DbDesign or a SchemaModel. Accepts pipeline input.'
        RenameMap        = 'Explicit rename hints: @{ ''old_table'' = ''new_table''; ''table.old_column'' = ''new_column'' } (the table named as in the reference).'
        Schema           = 'With a live database: the schema to read; default the difference schema''s name.'
        ConnectionString = 'Compare the difference schema with this live database instead of -Reference. Takes many, and piped objects with a ConnectionString property.'
        Server           = 'Host of the live database to compare with (with -Database and -Credential). Takes many names (-Server db1, db2, ''db3,5433''; host,port as SQL Server writes it, or host:port), piped strings, or piped objects with Server, Port, Database and Engine properties (Import-Csv output); they are swept in parallel (-ThrottleLimit).'
        Port             = 'TCP port of the live database.'
        Database         = 'The live database.'
        Credential       = 'User name and password for the live database; the password is never shown.'
        Engine           = 'The engine whose type spellings are compared; default the engine of the inputs (postgresql for a live database when not given).'
    }
    Examples    = @(
        @{
            Title   = 'What changes between two versions of the requirements'
            Code    = 'Compare-DbSchema -Reference (New-DbDesign -Path ./v1.yaml) -Difference (New-DbDesign -Path ./v2.yaml)'
            Remarks = 'Lists added columns, indexes and foreign keys, changed types and so on.'
        }
        @{
            Title   = 'Check a live database against the design'
            Code    = 'New-DbDesign -Path ./shop.yaml | Compare-DbSchema -ConnectionString $env:SHOP_DB'
            Remarks = 'Reads the design''s schema from the live database; no output means the database matches the design.'
        }
        @{
            Title   = 'Declare a rename'
            Code    = '$old = New-DbDesign -Path ./v1.yaml; $new = New-DbDesign -Path ./v2.yaml; Compare-DbSchema $old $new -RenameMap @{ ''customer.full_name'' = ''display_name'' }'
            Remarks = 'Reports a renamed column instead of a dropped and an added one, so the migration renames it.'
        }
    )
    Links       = @('Import-DbSchema', 'New-DbMigrationScript')
}
