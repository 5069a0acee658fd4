using DbArchitect.Core.Design;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.DynamoDb;

/// <summary>Backup, security, monitoring, migration and growth decisions of a DynamoDB table, each with its figures.</summary>
internal static class DynamoDbOperations
{
    public static void Decide(DbRequirement requirement, DynamoDbModel model, List<DesignDecision> decisions)
    {
        var operations = requirement.Operations;
        var rpo = operations.RpoMinutes is { } r ? InvariantText.Format($"the RPO of {r:0.#} minutes") : "no stated RPO";
        decisions.Add(new DesignDecision(DesignAreas.BackupAndRecovery, "Point-in-time recovery", "Enabled (35 days)",
            "Continuous backups restore the table to any second of the last 35 days, within about 5 minutes of now, which meets " + rpo
            + "; a restore creates a new table (indexes, TTL and stream are set again from this design's files), so the application switches its table name."));
        var gigabytes = model.Capacity.StoredBytes / 1e9;
        decisions.Add(new DesignDecision(DesignAreas.BackupAndRecovery, "On-demand backups", "Weekly, kept 1 year (AWS Backup plan)",
            InvariantText.Format($"Full backups without read units or impact on latency, for copies older than the PITR window and for another account or region; the table holds about {gigabytes:0.##} GB.")
            + (operations.RtoMinutes is { } rto ? InvariantText.Format($" A restore's duration grows with the size, not with the load; rehearse it against the RTO of {rto:0.#} minutes.") : string.Empty)));
        var tenant = requirement.Application.Tenancy == Tenancy.Multi;
        decisions.Add(new DesignDecision(DesignAreas.Security, "Access", "IAM roles per duty: application (item reads and writes), stream consumers (stream reads, their own writes), operators (describe, backup)",
            "DynamoDB has no users of its own: each role is an IAM policy on the table and index ARNs with only the actions its duty needs; nothing grants dynamodb:* or Scan to the application."
            + (tenant ? " Tenant isolation: every key of a tenant's item starts with T#<tenant_id>#, and the application role's policy has the condition dynamodb:LeadingKeys = T#${aws:PrincipalTag/tenant_id}#*, so a request for another tenant's key is refused by IAM." : string.Empty)));
        decisions.Add(new DesignDecision(DesignAreas.Security, "Encryption and network", "Encryption at rest with a customer managed KMS key; access through a VPC gateway endpoint; deletion protection on",
            "Every table is encrypted at rest; a customer managed key lets access be revoked and audited in CloudTrail. The gateway endpoint keeps traffic off the internet, and deletion protection refuses DeleteTable until it is turned off."));
        decisions.Add(new DesignDecision(DesignAreas.MonitoringAndMaintenance, "Alarms",
            "ThrottledRequests > 0, ConsumedRead/WriteCapacityUnits > 80 % of provisioned, SuccessfulRequestLatency p99"
            + (requirement.Workload.LatencyMs is { } latency ? InvariantText.Format($" > {latency:0.#} ms") : string.Empty)
            + (model.Table.StreamView is not null ? ", stream consumer IteratorAge > 60 s" : string.Empty),
            "Throttling means a key or the table is over its units; CloudWatch Contributor Insights names the hottest partition keys, the first thing to read when a shard count or key design is wrong."));
        decisions.Add(new DesignDecision(DesignAreas.DataMigration, "Initial load", "Import from S3 (CSV, DynamoDB JSON or Ion) into a new table, or BatchWriteItem in batches of 25",
            "The S3 import builds the table and its indexes without consuming write units; a load into an existing table uses BatchWriteItem and is paced by its write units."));
        decisions.Add(new DesignDecision(DesignAreas.ScalabilityRoadmap, "Growth", "Adaptive capacity, then DAX for hot reads, then global tables for other regions",
            "Partitions split automatically as data and load grow (each serves up to 3,000 RCU and 1,000 WCU); a read-heavy hot key is served by DAX (microsecond reads of cached items); global tables replicate to other regions with last-writer-wins."));
    }
}
