using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using static DbArchitect.Core.Export.MarkdownText;

namespace DbArchitect.Core.Export;

/// <summary>Backup &amp; Recovery: the recovery arithmetic against the objectives, the schedule, and the files that carry the plan.</summary>
internal static partial class DesignDocument
{
    static partial void BackupDetails(MarkdownBuilder md, DbDesign design, IReadOnlyList<SqlScript> scripts)
    {
        if (design.Backup is not { } plan)
        {
            return;
        }

        var o = plan.Objectives;
        md.Heading(4, "Recovery arithmetic");
        md.Paragraph($"Sized for an RPO of {Escape(Duration(o.RpoMinutes))}{Assumed(o.RpoStated)}, an RTO of {Escape(Duration(o.RtoMinutes))}{Assumed(o.RtoStated)} "
            + $"and a backup window of {Escape(o.Window)} UTC{Assumed(o.WindowStated)}, from {Escape(Capacity.Bytes(plan.Size.DataBytes))} of tables and "
            + $"{Escape(Capacity.Bytes(plan.Size.IndexBytes))} of indexes after {Escape(plan.Size.Horizon)} and {Escape(Capacity.Bytes(plan.Size.LogBytesPerDay))} of transaction log a day.");
        md.Line(Row("Estimate", "Time", "Target", "Meets", "Arithmetic"));
        md.Line(Row("---", "---", "---", "---", "---"));
        foreach (var estimate in plan.Estimates)
        {
            md.Line(Row(Cell(estimate.Scenario), Cell(Duration(estimate.Minutes)), Cell(Duration(estimate.TargetMinutes)),
                estimate.MeetsTarget ? "yes" : "**no**", Cell(estimate.Arithmetic)));
        }

        md.Heading(4, "Backup schedule (UTC)");
        md.Line(Row("Job", "Cron", "Command", "Why"));
        md.Line(Row("---", "---", "---", "---"));
        foreach (var job in plan.Schedule)
        {
            md.Line(Row(Cell(job.Name), "`" + job.Cron + "`", "`" + job.Command.Replace("|", "\\|", StringComparison.Ordinal) + "`", Cell(job.Reason)));
        }

        var files = scripts.Where(s => s.RelativePath.StartsWith("backup/", StringComparison.Ordinal)).ToList();
        if (files.Count > 0)
        {
            md.Heading(4, "Backup files");
            foreach (var file in files)
            {
                md.Bullet($"`{file.RelativePath}` — {Escape(file.Description)}");
            }

            md.EndBlock();
            // Said only where the shell scripts it describes exist (the PostgreSQL layout).
            if (files.Any(f => f.RelativePath.EndsWith("restore.sh", StringComparison.Ordinal)))
            {
                md.Paragraph("The scripts connect only through the libpq variables (PGHOST, PGPORT, PGUSER, PGDATABASE) and ~/.pgpass; "
                    + "restore.sh always restores into a new database and checks the manifest, then every table's row count and checksum.");
            }
        }
    }

    private static string Assumed(bool stated) => stated ? string.Empty : " (assumed)";

    private static string Duration(double minutes) => minutes switch
    {
        < 1 => (minutes * 60).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " s",
        < 120 => minutes.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " min",
        _ => (minutes / 60).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " h",
    };
}
