using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Engines.DynamoDb;

/// <summary>
/// How the technology ranking sees Amazon DynamoDB: its fit for each kind of application, licence and connection handling, and
/// the reviewed, sourced facts its reasons quote.
/// </summary>
internal sealed class DynamoDbProfile : EngineProfile
{
    public DynamoDbProfile()
        : base("dynamodb", "Amazon DynamoDB", EngineFamily.KeyValue, new KindFit(oltp: .25, analytics: -.75, mixed: -.25, timeSeries: .25, document: .5, graph: -.75, keyValue: 1))
    {
        LicencePoints = -2;
        LicenceNote = "runs only as an AWS managed service";
    }

    protected override IReadOnlyList<EngineFact> Stated { get; } = new EngineFact[]
    {
        new(Factor.Kind, .5, "AWS's managed key-value and document service", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Introduction.html"),
        new(Factor.Relationships, 0, "has no foreign keys or joins: related items share a partition key in a single-table design", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-relational-modeling.html"),
        new(Factor.KeyLookups, 1, "GetItem reads one item by its primary key", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html"),
        new(Factor.Throughput, 1, "on-demand capacity scales reads and writes without provisioning", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadWriteCapacityMode.html"),
        new(Factor.Latency, .85, "single-digit millisecond responses at any table size", "https://aws.amazon.com/dynamodb/features/"),
        new(Factor.Volume, 1, "tables are split over partitions automatically as they grow", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.Partitions.html"),
        new(Factor.Aggregates, 0, "Query and Scan return items; there is no server-side GROUP BY", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html"),
        new(Factor.MultiTenancy, .6, "IAM conditions on dynamodb:LeadingKeys limit a caller to items with its own partition key", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html"),
        new(Factor.Search, 0, "has no text search; it is paired with OpenSearch for that", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/OpenSearchIngestionForDynamoDB.html"),
    };
}
