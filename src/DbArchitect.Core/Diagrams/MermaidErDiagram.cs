using DbArchitect.Core.Model;

namespace DbArchitect.Core.Diagrams;

/// <summary>Mermaid erDiagram text for a schema. TODO(helper D): implementation.</summary>
public static class MermaidErDiagram
{
    public static string Render(SchemaModel model) => throw new NotImplementedException();
}
