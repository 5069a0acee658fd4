using DbArchitect.Core.Engines.Oracle;
using DbArchitect.Core.Export;

namespace DbArchitect.Core.Tests.Oracle;

/// <summary>design.md of an Oracle design speaks Oracle: its tools and files, none of PostgreSQL's.</summary>
public sealed class OracleDesignDocumentTests
{
    [Theory]
    [InlineData("examples/requirements/ecommerce.yaml")]
    [InlineData("examples/requirements/saas-projects.yaml")]
    public void DesignDocumentNamesOracleToolsAndNoPostgreSqlOnes(string spec)
    {
        var design = OracleDesignTests.Design(spec);
        var markdown = DesignDocument.Render(design, new OracleScripts().Generate(design));
        foreach (var word in new[] { "pg_cron", "psql", "libpq", "pg_hba", "postgresql.conf", "autovacuum", "pgBackRest", "pg_dump", " WAL " })
        {
            Assert.DoesNotContain(word, markdown, StringComparison.Ordinal);
        }

        foreach (var word in new[] { "RMAN", "DBMS_SCHEDULER", "sga_target", "VARCHAR2", "Oracle Database 19c" })
        {
            Assert.Contains(word, markdown, StringComparison.Ordinal);
        }
    }
}
