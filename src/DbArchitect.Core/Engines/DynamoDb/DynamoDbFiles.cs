using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DbArchitect.Core.Design.Families;

namespace DbArchitect.Core.Engines.DynamoDb;

/// <summary>
/// The files that build and read the table, every value written through System.Text.Json (names and keys from the
/// requirements may hold quotes, backslashes, line breaks or any script): the AWS CLI create-table and
/// update-time-to-live inputs, a CloudFormation template, one CLI query input per access pattern, and a deploy script.
/// </summary>
internal static class DynamoDbFiles
{
    public const string Folder = "dynamodb/";
    public const string CreateTable = Folder + "create-table.json";
    public const string TimeToLive = Folder + "update-time-to-live.json";
    public const string CloudFormation = Folder + "cloudformation.json";
    public const string Deploy = Folder + "deploy.sh";
    public const string Queries = Folder + "queries/";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<DesignFile> All(DynamoDbModel model)
    {
        var files = new List<DesignFile>
        {
            new(CreateTable, "AWS CLI input: aws dynamodb create-table --cli-input-json file://create-table.json", Text(CreateTableInput(model))),
        };
        if (model.Table.TtlAttribute is not null)
        {
            files.Add(new DesignFile(TimeToLive, "AWS CLI input: aws dynamodb update-time-to-live --cli-input-json file://update-time-to-live.json", Text(TimeToLiveInput(model.Table))));
        }

        files.Add(new DesignFile(CloudFormation, "CloudFormation template of the table (aws cloudformation deploy --template-file cloudformation.json)", Text(Template(model))));
        files.Add(new DesignFile(Deploy, "Creates the table with the AWS CLI and waits until it is active", DeployScript(model)));
        var number = 0;
        foreach (var path in model.AccessPaths)
        {
            number++;
            if (QueryInput(model, path) is { } input)
            {
                files.Add(new DesignFile(QueryFile(number, path.Pattern), "AWS CLI input for '" + path.Pattern + "': aws dynamodb " + (path.Kind == AccessKind.Scan ? "scan" : "query") + " --cli-input-json", Text(input)));
            }
        }

        return files;
    }

    /// <summary>queries/NN-slug.json: the slug keeps ASCII letters and digits so every file system accepts the name.</summary>
    public static string QueryFile(int number, string pattern)
    {
        var slug = new StringBuilder();
        foreach (var c in pattern.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-' && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                slug.Append('-');
            }
        }

        var text = TextCut.ToLength(slug.ToString().Trim('-'), 60, string.Empty).Trim('-');
        return Queries + number.ToString("D2", CultureInfo.InvariantCulture) + "-" + (text.Length == 0 ? "pattern" : text) + ".json";
    }

    private static string Text(JsonNode node) => node.ToJsonString(Json).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    private static JsonArray KeySchema(string partition, string sort) => new()
    {
        new JsonObject { ["AttributeName"] = partition, ["KeyType"] = "HASH" },
        new JsonObject { ["AttributeName"] = sort, ["KeyType"] = "RANGE" },
    };

    private static IEnumerable<string> KeyAttributes(DynamoDbModel model) =>
        new[] { model.Table.PartitionKey, model.Table.SortKey }
            .Concat(model.Table.GlobalIndexes.SelectMany(i => new[] { i.PartitionKey, i.SortKey }))
            .Concat(model.Table.LocalIndexes.Select(i => i.SortKey))
            .Distinct(StringComparer.Ordinal);

    private static JsonObject Throughput(long reads, long writes) => new() { ["ReadCapacityUnits"] = reads, ["WriteCapacityUnits"] = writes };

    public static JsonObject CreateTableInput(DynamoDbModel model)
    {
        var table = model.Table;
        var provisioned = model.Capacity.Mode == "PROVISIONED";
        var input = new JsonObject
        {
            ["TableName"] = table.Name,
            ["AttributeDefinitions"] = new JsonArray(KeyAttributes(model).Select(a => (JsonNode)new JsonObject { ["AttributeName"] = a, ["AttributeType"] = "S" }).ToArray()),
            ["KeySchema"] = KeySchema(table.PartitionKey, table.SortKey),
            ["BillingMode"] = model.Capacity.Mode,
        };
        if (provisioned)
        {
            input["ProvisionedThroughput"] = Throughput(model.Capacity.ProvisionedReadUnits, model.Capacity.ProvisionedWriteUnits);
        }

        if (table.GlobalIndexes.Count > 0)
        {
            input["GlobalSecondaryIndexes"] = new JsonArray(table.GlobalIndexes.Select(i =>
            {
                var index = new JsonObject { ["IndexName"] = i.Name, ["KeySchema"] = KeySchema(i.PartitionKey, i.SortKey), ["Projection"] = new JsonObject { ["ProjectionType"] = i.Projection } };
                if (provisioned && model.Capacity.Indexes.FirstOrDefault(c => c.Index == i.Name) is { } capacity)
                {
                    index["ProvisionedThroughput"] = Throughput(capacity.ProvisionedReadUnits, capacity.ProvisionedWriteUnits);
                }

                return (JsonNode)index;
            }).ToArray());
        }

        if (table.LocalIndexes.Count > 0)
        {
            input["LocalSecondaryIndexes"] = new JsonArray(table.LocalIndexes.Select(i => (JsonNode)new JsonObject
            {
                ["IndexName"] = i.Name, ["KeySchema"] = KeySchema(i.PartitionKey, i.SortKey), ["Projection"] = new JsonObject { ["ProjectionType"] = i.Projection },
            }).ToArray());
        }

        if (table.StreamView is { } view)
        {
            input["StreamSpecification"] = new JsonObject { ["StreamEnabled"] = true, ["StreamViewType"] = view };
        }

        return input;
    }

    public static JsonObject TimeToLiveInput(DynamoTable table) => new()
    {
        ["TableName"] = table.Name,
        ["TimeToLiveSpecification"] = new JsonObject { ["Enabled"] = true, ["AttributeName"] = table.TtlAttribute },
    };

    private static JsonObject Template(DynamoDbModel model)
    {
        var table = model.Table;
        var create = CreateTableInput(model);
        var properties = new JsonObject
        {
            ["TableName"] = table.Name,
            ["BillingMode"] = model.Capacity.Mode,
            ["AttributeDefinitions"] = create["AttributeDefinitions"]!.DeepClone(),
            ["KeySchema"] = create["KeySchema"]!.DeepClone(),
        };
        foreach (var name in new[] { "ProvisionedThroughput", "GlobalSecondaryIndexes", "LocalSecondaryIndexes" })
        {
            if (create[name] is { } node)
            {
                properties[name] = node.DeepClone();
            }
        }

        if (table.StreamView is { } view)
        {
            properties["StreamSpecification"] = new JsonObject { ["StreamViewType"] = view };
        }

        if (table.TtlAttribute is { } ttl)
        {
            properties["TimeToLiveSpecification"] = new JsonObject { ["AttributeName"] = ttl, ["Enabled"] = true };
        }

        properties["PointInTimeRecoverySpecification"] = new JsonObject { ["PointInTimeRecoveryEnabled"] = true };
        properties["SSESpecification"] = new JsonObject { ["SSEEnabled"] = true };
        properties["DeletionProtectionEnabled"] = true;
        var resources = new JsonObject
        {
            ["Table"] = new JsonObject
            {
                ["Type"] = "AWS::DynamoDB::Table",
                ["DeletionPolicy"] = "Retain",
                ["UpdateReplacePolicy"] = "Retain",
                ["Properties"] = properties,
            },
        };
        if (model.Capacity.Mode == "PROVISIONED")
        {
            AddScaling(resources, "Table", "table/" + table.Name, null, model.Capacity.ProvisionedReadUnits, model.Capacity.ProvisionedWriteUnits);
            foreach (var index in model.Capacity.Indexes)
            {
                AddScaling(resources, index.Index, "table/" + table.Name + "/index/" + index.Index, index.Index, index.ProvisionedReadUnits, index.ProvisionedWriteUnits);
            }
        }

        var outputs = new JsonObject { ["TableArn"] = new JsonObject { ["Value"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray("Table", "Arn") } } };
        if (table.StreamView is not null)
        {
            outputs["StreamArn"] = new JsonObject { ["Value"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray("Table", "StreamArn") } };
        }

        return new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Description"] = TextCut.ToLength("DynamoDB table " + table.Name + " generated by DbArchitect.PS", 1024),
            ["Resources"] = resources,
            ["Outputs"] = outputs,
        };
    }

    /// <summary>Auto scaling of one table or index: minimum the provisioned units, maximum four times, target utilization 70 %.</summary>
    private static void AddScaling(JsonObject resources, string name, string resourceId, string? index, long reads, long writes)
    {
        foreach (var (kind, units) in new[] { ("Read", reads), ("Write", writes) })
        {
            var target = name + kind + "Target";
            var dimension = "dynamodb:" + (index is null ? "table" : "index") + ":" + kind + "CapacityUnits";
            resources[target] = new JsonObject
            {
                ["Type"] = "AWS::ApplicationAutoScaling::ScalableTarget",
                ["DependsOn"] = "Table",
                ["Properties"] = new JsonObject
                {
                    ["ServiceNamespace"] = "dynamodb",
                    ["ResourceId"] = resourceId,
                    ["ScalableDimension"] = dimension,
                    ["MinCapacity"] = units,
                    ["MaxCapacity"] = checked(units * 4),
                },
            };
            resources[name + kind + "Policy"] = new JsonObject
            {
                ["Type"] = "AWS::ApplicationAutoScaling::ScalingPolicy",
                ["Properties"] = new JsonObject
                {
                    ["PolicyName"] = name + kind + "Utilization",
                    ["PolicyType"] = "TargetTrackingScaling",
                    ["ScalingTargetId"] = new JsonObject { ["Ref"] = target },
                    ["TargetTrackingScalingPolicyConfiguration"] = new JsonObject
                    {
                        ["TargetValue"] = DynamoCapacityPlanner.TargetUtilization * 100,
                        ["PredefinedMetricSpecification"] = new JsonObject { ["PredefinedMetricType"] = "DynamoDB" + kind + "CapacityUtilization" },
                    },
                },
            };
        }
    }

    /// <summary>
    /// The CLI input of an access path: key values are the key templates with &lt;attribute&gt; placeholders (the caller
    /// renders them by the same rules as the items' keys); null for patterns a search engine serves.
    /// </summary>
    public static JsonObject? QueryInput(DynamoDbModel model, AccessPath path)
    {
        if (path.Kind == AccessKind.Search)
        {
            return null;
        }

        var names = new JsonObject();
        var values = new JsonObject();
        var input = new JsonObject { ["TableName"] = model.Table.Name };
        if (path.Kind == AccessKind.Scan)
        {
            names["#type"] = KeyPlanner.TypeAttribute;
            values[":type"] = new JsonObject { ["S"] = path.ItemType };
            var where = path.FilterColumns;
            for (var i = 0; i < where.Count; i++)
            {
                names["#f" + i.ToString(CultureInfo.InvariantCulture)] = where[i];
                var type = model.ItemTypes.First(t => t.Name == path.ItemType).Attributes.FirstOrDefault(a => a.Name == where[i])?.Type ?? "S";
                var number = i.ToString(CultureInfo.InvariantCulture);
                if (type == "M")
                {
                    names["#k" + number] = "<" + where[i] + " field>";
                    values[":f" + number] = new JsonObject { ["S"] = "<" + where[i] + " value>" };
                }
                else
                {
                    values[":f" + number] = new JsonObject { [type] = "<" + where[i] + ">" };
                }
            }

            input["FilterExpression"] = path.Filter;
            input["ExpressionAttributeNames"] = names;
            input["ExpressionAttributeValues"] = values;
            return input;
        }

        var index = path.Index is { } i2 ? model.Table.GlobalIndexes.Concat(model.Table.LocalIndexes).First(x => x.Name == i2) : null;
        if (index is not null)
        {
            input["IndexName"] = index.Name;
        }

        names["#pk"] = index?.PartitionKey ?? model.Table.PartitionKey;
        // A proximity search runs once per cell of the point's block: the caller writes each cell where the geohash stands.
        values[":pk"] = new JsonObject
        {
            ["S"] = path.Near is { } near ? path.PartitionKey!.Describe(near.Latitude, "cell of the point or of one of its 8 neighbours") : path.PartitionKey!.Pattern,
        };
        var condition = "#pk = :pk";
        if (path.SortCondition is { } sort)
        {
            names["#sk"] = index?.SortKey ?? model.Table.SortKey;
            if (sort == "between")
            {
                condition += " AND #sk BETWEEN :from AND :to";
                values[":from"] = new JsonObject { ["S"] = path.SortPrefix!.Describe(path.RangeAttribute, "from") };
                values[":to"] = new JsonObject { ["S"] = path.SortPrefix.Describe(path.RangeAttribute, "to") + KeySegment.MissingAscending };
            }
            else
            {
                condition += " AND begins_with(#sk, :prefix)";
                values[":prefix"] = new JsonObject { ["S"] = path.SortPrefix!.Pattern };
            }
        }

        input["KeyConditionExpression"] = condition;
        input["ExpressionAttributeNames"] = names;
        input["ExpressionAttributeValues"] = values;
        input["ScanIndexForward"] = path.Forward;
        if (path.Limit is { } limit)
        {
            input["Limit"] = limit;
        }

        if (path.ConsistentRead)
        {
            input["ConsistentRead"] = true;
        }

        return input;
    }

    private static string DeployScript(DynamoDbModel model)
    {
        var table = ShellText.Quote(model.Table.Name);
        var text = new StringBuilder();
        text.Append("#!/usr/bin/env bash\n");
        text.Append("# Creates the table of this design with the AWS CLI (credentials and region from the environment) and waits until it is active.\n");
        text.Append("set -euo pipefail\n");
        text.Append("cd \"$(dirname \"${BASH_SOURCE[0]}\")\"\n");
        text.Append("aws dynamodb create-table --cli-input-json file://create-table.json\n");
        text.Append("aws dynamodb wait table-exists --table-name ").Append(table).Append('\n');
        if (model.Table.TtlAttribute is not null)
        {
            text.Append("aws dynamodb update-time-to-live --cli-input-json file://update-time-to-live.json\n");
        }

        text.Append("aws dynamodb update-continuous-backups --table-name ").Append(table)
            .Append(" --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true\n");
        return text.ToString();
    }
}
