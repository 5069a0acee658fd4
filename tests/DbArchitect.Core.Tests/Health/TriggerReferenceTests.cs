using DbArchitect.Core.Engines.MySql.Health;
using DbArchitect.Core.Health;

namespace DbArchitect.Core.Tests.Health;

/// <summary>BROKEN_TRIGGER reads the tables a trigger body uses; what is not a table must not become a missing one.</summary>
public sealed class TriggerReferenceTests
{
    [Theory]
    [InlineData("INSERT INTO audit VALUES (NEW.id)", "audit")]
    [InlineData("INSERT IGNORE INTO `shop`.`audit log` (id) SELECT id FROM src WHERE id = NEW.id", "shop.audit log,src")]
    [InlineData("UPDATE LOW_PRIORITY stock SET qty = qty - NEW.qty WHERE sku = NEW.sku", "stock")]
    [InlineData("DELETE FROM queue WHERE id = OLD.id", "queue")]
    [InlineData("BEGIN REPLACE INTO totals (d, n) VALUES (DATE(NEW.at), 1); END", "totals")]
    public void Tables_the_body_writes_or_reads_are_found(string body, string expected)
    {
        Assert.Equal(expected.Split(','), MySqlBrokenTrigger.References(body));
    }

    [Theory]
    [InlineData("INSERT INTO ok_audit (id, y) VALUES (NEW.id, EXTRACT(YEAR FROM NEW.created_at)) ON DUPLICATE KEY UPDATE y = VALUES(y)", "ok_audit")]
    [InlineData("SET NEW.code = TRIM(LEADING '0' FROM NEW.code)", "")]
    [InlineData("SET NEW.s = SUBSTRING(NEW.s FROM 2)", "")]
    [InlineData("-- INSERT INTO gone VALUES (1)\nSET NEW.note = 'UPDATE gone SET x = 1'", "")]
    [InlineData("SET @n = (SELECT COUNT(*) FROM DUAL)", "")]
    [InlineData("BEGIN WITH recent AS (SELECT id FROM orders) SELECT COUNT(*) INTO @n FROM recent; END", "orders")]
    [InlineData("SET NEW.x = REPLACE(NEW.x, 'a', 'b')", "")]
    public void Functions_keywords_comments_literals_and_ctes_are_not_tables(string body, string expected)
    {
        Assert.Equal(expected.Length == 0 ? Array.Empty<string>() : expected.Split(','), MySqlBrokenTrigger.References(body));
    }
}
