using System.Management.Automation;
using DbArchitect.Core.Health;
using DbArchitect.Core.Live.Estate;

namespace DbArchitect.PS;

/// <summary>
/// Every object a live cmdlet writes carries the target it came from — Server, Port, Database, Engine, never a
/// credential — so `Group-Object Server` and Export-Csv work across a sweep. Health results hold them as properties of
/// their own (other commands read them); other objects get note properties. A nested dictionary gets a flat text
/// beside it for CSV: Evidence → EvidenceText ("key=value; key2=value2").
/// </summary>
internal static class TargetIdentity
{
    public static PSObject Stamp(object written, EstateTarget target)
    {
        var value = written is PSObject wrapped ? wrapped.BaseObject : written;
        if (value is HealthCheckResult result)
        {
            value = result with { Server = target.Server, Port = target.Port };
        }

        var stamped = written is PSObject ps && ReferenceEquals(value, ps.BaseObject) ? ps : new PSObject(value);
        Note(stamped, "Server", target.Server);
        Note(stamped, "Port", target.Port);
        Note(stamped, "Database", target.Database);
        Note(stamped, "Engine", target.Engine);
        if (value is HealthCheckResult health)
        {
            Note(stamped, "EvidenceText", EstateText.Flatten(health.Evidence));
        }

        return stamped;
    }

    private static void Note(PSObject target, string name, object? value)
    {
        if (target.Properties[name] is null)
        {
            target.Properties.Add(new PSNoteProperty(name, value));
        }
    }
}
