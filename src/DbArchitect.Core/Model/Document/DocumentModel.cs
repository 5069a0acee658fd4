namespace DbArchitect.Core.Model.Document;

/// <summary>A privilege of a role: actions on one collection, or on the whole database when <see cref="Collection"/> is null.</summary>
public sealed record DocumentPrivilege(string? Collection, IReadOnlyList<string> Actions);

/// <summary>A database role for one kind of client (the application, a read-only reporter, the schema migrator).</summary>
public sealed record DocumentRole(string Name, string Purpose, IReadOnlyList<DocumentPrivilege> Privileges);

/// <summary>
/// The document family's physical model: collections with fields, validators, indexes and shard keys; how each
/// relationship lives (embedded, referenced, bucketed); and the roles. Engine-neutral within the family — an engine
/// names the value types and writes the scripts.
/// </summary>
public sealed record DocumentModel(
    string Database,
    IReadOnlyList<DocumentCollection> Collections,
    IReadOnlyList<DocumentRelation> Relations,
    IReadOnlyList<DocumentRole> Roles)
{
    public DocumentCollection? FindCollection(string name) =>
        Collections.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    public int IndexCount => Collections.Sum(c => c.Indexes.Count);
}
