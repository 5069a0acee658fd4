using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>Logical → PostgreSQL types. TODO(helper).</summary>
public sealed class PostgreSqlTypes : ITypeMapper
{
    public NativeType Map(LogicalType type) => new(type.ToString(), null);
}
