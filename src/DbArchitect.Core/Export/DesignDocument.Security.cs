using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using static DbArchitect.Core.Export.MarkdownText;

namespace DbArchitect.Core.Export;

/// <summary>Security Best Practices: the role matrix (role × privileges), how to create login roles, and the host access lines (in the engine's file).</summary>
internal static partial class DesignDocument
{
    static partial void SecurityDetails(MarkdownBuilder md, DbDesign design, IReadOnlyList<SqlScript> scripts)
    {
        var plan = design.Security;
        if (plan.Roles.Count > 0)
        {
            md.Heading(4, "Role matrix");
            md.Line(Row(plan.PrivilegeClasses.Select(Escape).Prepend("Role").Append("Member of").Append("Login limit").ToArray()));
            md.Line(Row(Enumerable.Repeat("---", plan.PrivilegeClasses.Count + 3).ToArray()));
            foreach (var role in plan.Roles)
            {
                md.Line(Row(plan.PrivilegeClasses.Select(c => Cell(role.Privileges.GetValueOrDefault(c)))
                    .Prepend(Code(role.Name))
                    .Append(Cell(string.Join(", ", role.MemberOf)))
                    .Append(role.LoginConnectionLimit.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .ToArray()));
            }

            md.EndBlock();
            foreach (var role in plan.Roles)
            {
                md.Bullet(Code(role.Name) + ": " + Escape(role.Purpose));
            }

            md.EndBlock();

            md.Paragraph("Logins are not created by the build (no credentials in generated files). Create one per service or person, then set its password interactively:");
            md.Line("```sql");
            foreach (var role in plan.Roles)
            {
                md.Line(role.LoginExample + ";");
            }

            md.Line("```");
            md.EndBlock();
        }

        if (plan.HostAccess.Count > 0)
        {
            md.Heading(4, plan.HostAccessFile is { } file ? $"Host access ({file})" : "Host access");
            md.Paragraph(plan.HostAccessFile is { } reference ? $"First match wins; the full reference file is security/{reference}." : "First match wins.");
            md.Line("```");
            foreach (var rule in plan.HostAccess)
            {
                md.Line(string.Join("  ", HostAccessCells(rule)));
            }

            md.Line("```");
            md.EndBlock();
        }
    }

    private static IEnumerable<string> HostAccessCells(HostAccessRule rule) =>
        new List<string> { rule.Type, rule.Database, rule.User, rule.Address, rule.Method }.Where(c => c.Length > 0);
}
