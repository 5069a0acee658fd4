@{
    Synopsis    = 'Renders the Mermaid erDiagram of a design or a schema model.'
    Description = @'
Get-DbErDiagram returns Mermaid erDiagram text for the physical model of a DbDesign, or for any SchemaModel. Every table is an entity with its columns (type and PK, FK or UK markers), and every foreign key a relationship with its true cardinality and optionality: a NOT NULL foreign key is drawn as exactly one (||), a nullable one as zero or one (o|).

Paste the text into a Markdown file inside a mermaid code block, or into any Mermaid viewer, to see the diagram.
'@
    Parameters  = @{
        Design = 'The DbDesign whose physical model is drawn, from New-DbDesign. Accepts pipeline input.'
        Schema = 'A SchemaModel to draw: the Physical or Logical property of a design, or a live schema from Import-DbSchema. Accepts pipeline input.'
    }
    Examples    = @(
        @{
            Title   = 'Draw a design'
            Code    = 'New-DbDesign -Path ./examples/requirements/ecommerce.yaml | Get-DbErDiagram'
            Remarks = 'Prints the Mermaid erDiagram text of the e-commerce design.'
        }
        @{
            Title   = 'Save the diagram into a Markdown file'
            Code    = @'
$diagram = New-DbDesign -Path ./examples/requirements/ecommerce.yaml | Get-DbErDiagram
"``````mermaid`n$diagram`n``````" | Set-Content ./ecommerce-er.md
'@
            Remarks = 'Wraps the diagram in a mermaid code block, which GitHub and Azure DevOps render as a picture.'
        }
        @{
            Title   = 'Draw the engine-neutral model'
            Code    = '(New-DbDesign -Path ./examples/requirements/ecommerce.yaml).Logical | Get-DbErDiagram'
            Remarks = 'Draws the logical model, with logical names and types, instead of the physical one.'
        }
        @{
            Title   = 'Draw a live database'
            Code    = 'Import-DbSchema -ConnectionString $env:SHOP_DB -Schema shop_fast | Get-DbErDiagram'
            Remarks = 'Draws the schema as the catalog holds it today, read by Import-DbSchema.'
        }
    )
    Notes       = 'Export-DbDesign writes the same diagram to er.mmd in the design folder.'
    Links       = @('New-DbDesign', 'Export-DbDesign', 'Import-DbSchema')
}
