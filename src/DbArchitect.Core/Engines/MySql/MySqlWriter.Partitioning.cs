namespace DbArchitect.Core.Engines.MySql;

/// <summary>Stored routines need another statement delimiter while their body is read by the command-line client.</summary>
internal sealed partial class MySqlWriter
{
    /// <summary>A CREATE PROCEDURE (or other compound statement) between DELIMITER // and DELIMITER ;, for the mysql/mariadb client.</summary>
    public void Routine(string sql)
    {
        _text.Append("DELIMITER //\n").Append(sql).Append("//\nDELIMITER ;\n");
    }
}
