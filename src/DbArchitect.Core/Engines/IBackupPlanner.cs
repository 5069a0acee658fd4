using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines;

/// <summary>Plans an engine's backups and recovery from the recovery objectives, the projected size and the write rate.</summary>
public interface IBackupPlanner
{
    BackupPlan Plan(DbRequirement requirement, SchemaModel physical, CapacityForecast forecast);
}
