namespace DbArchitect.Core.Technology;

/// <summary>
/// One reviewed statement about one engine on one factor: how well it serves the factor (0 = not at all, 0.5 =
/// neutral, 1 = a core strength), the claim a reason quotes, and the vendor documentation that supports it.
/// <see cref="TimeSeriesDataOnly"/> marks a strength that holds only for time-partitioned data (a TimescaleDB
/// hypertable), so it counts only when the requirement reads time ranges or time buckets.
/// </summary>
internal sealed record EngineFact(string Engine, Factor Factor, double Capability, string Claim, string Source)
{
    public bool TimeSeriesDataOnly { get; init; }
}

/// <summary>
/// The engine facts the technology ranking may state, as one reviewable table: each claim is true of that engine,
/// worded for it, and sourced from its vendor's documentation. A factor without a fact is neutral for the engine (it
/// moves no points and gives no reason), so nothing is claimed that is not written and sourced here. The Kind fact is
/// the engine's one-line description.
/// </summary>
internal static class EngineFacts
{
    public static readonly IReadOnlyList<EngineFact> All = new EngineFact[]
    {
        // PostgreSQL
        new("postgresql", Factor.Kind, .5, "a general-purpose relational database", "https://www.postgresql.org/about/"),
        new("postgresql", Factor.Relationships, 1, "FOREIGN KEY constraints with ON DELETE CASCADE, RESTRICT or SET NULL are checked by the server on every write", "https://www.postgresql.org/docs/current/ddl-constraints.html#DDL-CONSTRAINTS-FK"),
        new("postgresql", Factor.Joins, 1, "the planner chooses nested-loop, hash or merge joins over indexed keys", "https://www.postgresql.org/docs/current/planner-optimizer.html"),
        new("postgresql", Factor.Consistency, 1, "multi-statement ACID transactions, up to SERIALIZABLE isolation", "https://www.postgresql.org/docs/current/transaction-iso.html"),
        new("postgresql", Factor.MultiTenancy, 1, "row security policies (ENABLE and FORCE ROW LEVEL SECURITY) filter every statement by tenant inside the server", "https://www.postgresql.org/docs/current/ddl-rowsecurity.html"),
        new("postgresql", Factor.Documents, .8, "its binary JSON type stores documents decomposed, and inverted indexes search them by key and containment", "https://www.postgresql.org/docs/current/datatype-json.html"),
        new("postgresql", Factor.Search, .8, "built-in full-text search with ranking, and trigram similarity indexes for fuzzy matches from an extension it ships", "https://www.postgresql.org/docs/current/pgtrgm.html"),
        new("postgresql", Factor.Volume, .4, "one primary holds the whole database; spreading it over machines needs an extension such as Citus", "https://www.postgresql.org/docs/current/different-replication-solutions.html"),

        // MySQL
        new("mysql", Factor.Kind, .5, "a relational database whose InnoDB engine is built for short transactions", "https://dev.mysql.com/doc/refman/8.0/en/innodb-introduction.html"),
        new("mysql", Factor.Relationships, 1, "InnoDB checks FOREIGN KEY constraints and their ON DELETE actions", "https://dev.mysql.com/doc/refman/8.0/en/create-table-foreign-keys.html"),
        new("mysql", Factor.Joins, .9, "joins run as nested loops over indexes, and as hash joins since 8.0.18", "https://dev.mysql.com/doc/refman/8.0/en/hash-joins.html"),
        new("mysql", Factor.Consistency, 1, "InnoDB transactions follow the ACID model with row-level locking", "https://dev.mysql.com/doc/refman/8.0/en/mysql-acid.html"),
        new("mysql", Factor.MultiTenancy, .2, "privileges stop at database, table and column level (there is no row-level security), so tenant filters live in application code", "https://dev.mysql.com/doc/refman/8.0/en/privileges-provided.html"),
        new("mysql", Factor.Documents, .6, "a native JSON type, indexed through generated columns or multi-valued indexes", "https://dev.mysql.com/doc/refman/8.0/en/json.html"),
        new("mysql", Factor.TimeSeries, .35, "time-ordered data needs hand-made RANGE partitions and rollup tables", "https://dev.mysql.com/doc/refman/8.0/en/partitioning-range.html"),

        // MariaDB
        new("mariadb", Factor.Kind, .5, "a relational database forked from MySQL, with InnoDB as its default engine", "https://mariadb.com/kb/en/about-mariadb-server/"),
        new("mariadb", Factor.Relationships, 1, "InnoDB tables enforce foreign keys with ON DELETE and ON UPDATE actions", "https://mariadb.com/kb/en/foreign-keys/"),
        new("mariadb", Factor.Joins, .9, "block nested-loop and hash join algorithms use the join buffer for large joins", "https://mariadb.com/kb/en/block-based-join-algorithms/"),
        new("mariadb", Factor.Consistency, 1, "InnoDB gives transactions with commit, rollback and crash recovery", "https://mariadb.com/kb/en/start-transaction/"),
        new("mariadb", Factor.MultiTenancy, .2, "GRANT reaches tables and columns but no rows, so each query must carry its tenant filter", "https://mariadb.com/kb/en/grant/"),
        new("mariadb", Factor.TimeSeries, .35, "time ranges need hand-made RANGE partitions; there are no time-bucket rollups", "https://mariadb.com/kb/en/range-partitioning-type/"),

        // SQL Server
        new("sqlserver", Factor.Kind, .5, "Microsoft's relational database", "https://learn.microsoft.com/en-us/sql/sql-server/what-is-sql-server"),
        new("sqlserver", Factor.Relationships, 1, "FOREIGN KEY constraints with cascading referential actions", "https://learn.microsoft.com/en-us/sql/relational-databases/tables/primary-and-foreign-key-constraints"),
        new("sqlserver", Factor.Joins, 1, "the optimizer picks nested loops, merge, hash or adaptive joins", "https://learn.microsoft.com/en-us/sql/relational-databases/performance/joins"),
        new("sqlserver", Factor.Consistency, 1, "ACID transactions with snapshot and serializable isolation levels", "https://learn.microsoft.com/en-us/sql/t-sql/statements/set-transaction-isolation-level-transact-sql"),
        new("sqlserver", Factor.MultiTenancy, 1, "Row-Level Security policies apply an inline predicate function to every query", "https://learn.microsoft.com/en-us/sql/relational-databases/security/row-level-security"),
        new("sqlserver", Factor.Aggregates, .65, "columnstore indexes with batch-mode execution speed up large aggregates", "https://learn.microsoft.com/en-us/sql/relational-databases/indexes/columnstore-indexes-overview"),
        new("sqlserver", Factor.Search, .65, "Full-Text Search indexes words and their inflections (not fuzzy matches)", "https://learn.microsoft.com/en-us/sql/relational-databases/search/full-text-search"),

        // Oracle
        new("oracle", Factor.Kind, .5, "a commercial relational database", "https://docs.oracle.com/en/database/oracle/oracle-database/19/cncpt/introduction-to-oracle-database.html"),
        new("oracle", Factor.Relationships, 1, "referential integrity constraints with ON DELETE CASCADE or SET NULL", "https://docs.oracle.com/en/database/oracle/oracle-database/19/cncpt/data-integrity.html"),
        new("oracle", Factor.Joins, 1, "the optimizer chooses hash, sort-merge or nested-loop joins", "https://docs.oracle.com/en/database/oracle/oracle-database/19/tgsql/joins.html"),
        new("oracle", Factor.Consistency, 1, "ACID transactions with multiversion read consistency", "https://docs.oracle.com/en/database/oracle/oracle-database/19/cncpt/data-concurrency-and-consistency.html"),
        new("oracle", Factor.MultiTenancy, 1, "Virtual Private Database policies append a tenant predicate to every statement", "https://docs.oracle.com/en/database/oracle/oracle-database/19/dbseg/using-oracle-vpd-to-control-data-access.html"),
        new("oracle", Factor.Aggregates, .65, "the In-Memory column store (a separately licensed option) scans columns for analytic queries", "https://docs.oracle.com/en/database/oracle/oracle-database/19/inmem/intro-to-in-memory-column-store-architecture.html"),
        new("oracle", Factor.Search, .75, "Oracle Text CONTEXT indexes support word search with fuzzy matching", "https://docs.oracle.com/en/database/oracle/oracle-database/19/ccref/oracle-text-CONTAINS-query-operators.html"),

        // SQLite
        new("sqlite", Factor.Kind, .5, "an embedded relational database in one file, inside the application's process", "https://www.sqlite.org/about.html"),
        new("sqlite", Factor.Relationships, .75, "foreign keys are enforced only on connections that run PRAGMA foreign_keys = ON", "https://www.sqlite.org/foreignkeys.html"),
        new("sqlite", Factor.Consistency, .75, "transactions are atomic and durable, with one writer at a time for the whole file", "https://www.sqlite.org/transactional.html"),
        new("sqlite", Factor.MultiTenancy, 0, "has no users, grants or row security: whoever opens the file reads all of it", "https://www.sqlite.org/whentouse.html"),
        new("sqlite", Factor.WriteIngest, 0, "writes are serialised: one writer at a time, even in WAL mode", "https://www.sqlite.org/wal.html"),
        new("sqlite", Factor.Volume, .1, "the database is one file on one machine", "https://www.sqlite.org/limits.html"),
        new("sqlite", Factor.Concurrency, 0, "it is a library in one application, not a server for many network clients", "https://www.sqlite.org/whentouse.html#situations_where_a_client_server_rdbms_may_work_better"),
        new("sqlite", Factor.Latency, .7, "reads run in-process with no network round trip", "https://www.sqlite.org/fasterthanfs.html"),

        // MongoDB
        new("mongodb", Factor.Kind, .5, "a document database storing BSON documents in collections", "https://www.mongodb.com/docs/manual/introduction/"),
        new("mongodb", Factor.Relationships, .25, "references between documents are not checked by the server (there are no foreign keys)", "https://www.mongodb.com/docs/manual/data-modeling/concepts/embedding-vs-references/"),
        new("mongodb", Factor.Joins, .3, "$lookup joins collections inside an aggregation pipeline, which costs more than embedding", "https://www.mongodb.com/docs/manual/reference/operator/aggregation/lookup/"),
        new("mongodb", Factor.Consistency, .6, "multi-document transactions exist, but single-document writes are the atomic unit it is designed around", "https://www.mongodb.com/docs/manual/core/transactions/"),
        new("mongodb", Factor.Documents, 1, "documents nest objects and arrays, with indexes on any field path and JSON Schema validation", "https://www.mongodb.com/docs/manual/core/document/"),
        new("mongodb", Factor.WriteIngest, .75, "sharding spreads writes across shards by shard key", "https://www.mongodb.com/docs/manual/sharding/"),
        new("mongodb", Factor.Volume, .7, "a sharded cluster splits collections into ranges held by different shards", "https://www.mongodb.com/docs/manual/core/sharded-cluster-components/"),
        new("mongodb", Factor.Concurrency, .75, "WiredTiger uses document-level concurrency control for writes", "https://www.mongodb.com/docs/manual/core/wiredtiger/"),

        // Apache Cassandra
        new("cassandra", Factor.Kind, .5, "a masterless wide-column store replicated across a ring of nodes", "https://cassandra.apache.org/doc/latest/cassandra/architecture/overview.html"),
        new("cassandra", Factor.Relationships, 0, "has no foreign keys: each query gets its own denormalised table", "https://cassandra.apache.org/doc/latest/cassandra/developing/data-modeling/intro.html"),
        new("cassandra", Factor.Joins, 0, "CQL has no joins", "https://cassandra.apache.org/doc/latest/cassandra/developing/cql/dml.html"),
        new("cassandra", Factor.Consistency, .1, "lightweight transactions (Paxos) cover one partition; there are no multi-partition ACID transactions", "https://cassandra.apache.org/doc/latest/cassandra/architecture/guarantees.html"),
        new("cassandra", Factor.WriteIngest, 1, "every node accepts writes, appended to a commit log and a memtable", "https://cassandra.apache.org/doc/latest/cassandra/architecture/storage-engine.html"),
        new("cassandra", Factor.Volume, 1, "data is partitioned over the token ring, so added nodes add capacity", "https://cassandra.apache.org/doc/latest/cassandra/architecture/dynamo.html"),
        new("cassandra", Factor.Throughput, 1, "throughput grows as nodes are added, with no single coordinator", "https://cassandra.apache.org/_/cassandra-basics.html"),
        new("cassandra", Factor.Aggregates, .1, "GROUP BY is limited to partition and clustering key columns", "https://cassandra.apache.org/doc/latest/cassandra/developing/cql/dml.html#group-by"),

        // Amazon DynamoDB
        new("dynamodb", Factor.Kind, .5, "AWS's managed key-value and document service", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Introduction.html"),
        new("dynamodb", Factor.Relationships, 0, "has no foreign keys or joins: related items share a partition key in a single-table design", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-relational-modeling.html"),
        new("dynamodb", Factor.KeyLookups, 1, "GetItem reads one item by its primary key", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html"),
        new("dynamodb", Factor.Throughput, 1, "on-demand capacity scales reads and writes without provisioning", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadWriteCapacityMode.html"),
        new("dynamodb", Factor.Latency, .85, "single-digit millisecond responses at any table size", "https://aws.amazon.com/dynamodb/features/"),
        new("dynamodb", Factor.Volume, 1, "tables are split over partitions automatically as they grow", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.Partitions.html"),
        new("dynamodb", Factor.Aggregates, 0, "Query and Scan return items; there is no server-side GROUP BY", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html"),
        new("dynamodb", Factor.MultiTenancy, .6, "IAM conditions on dynamodb:LeadingKeys limit a caller to items with its own partition key", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html"),
        new("dynamodb", Factor.Search, 0, "has no text search; it is paired with OpenSearch for that", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/OpenSearchIngestionForDynamoDB.html"),

        // Redis
        new("redis", Factor.Kind, .5, "an in-memory data structure server", "https://redis.io/docs/latest/develop/get-started/"),
        new("redis", Factor.Relationships, 0, "stores keys and data structures with no relations or constraints between them", "https://redis.io/docs/latest/develop/data-types/"),
        new("redis", Factor.KeyLookups, 1, "GET and HGET read a key from memory in constant time", "https://redis.io/docs/latest/commands/get/"),
        new("redis", Factor.Latency, 1, "answers from memory, typically in well under a millisecond", "https://redis.io/docs/latest/operate/oss_and_stack/management/optimization/latency/"),
        new("redis", Factor.Throughput, 1, "Redis Cluster shards keys over hash slots on many nodes", "https://redis.io/docs/latest/operate/oss_and_stack/management/scaling/"),
        new("redis", Factor.Volume, 0, "the whole data set must fit in memory", "https://redis.io/docs/latest/operate/oss_and_stack/management/optimization/memory-optimization/"),
        new("redis", Factor.Consistency, .25, "MULTI/EXEC runs commands in isolation but does not roll back", "https://redis.io/docs/latest/develop/interact/transactions/"),
        new("redis", Factor.MultiTenancy, 0, "ACL rules restrict commands and key patterns, not rows of a tenant", "https://redis.io/docs/latest/operate/oss_and_stack/management/security/acl/"),

        // InfluxDB
        new("influxdb", Factor.Kind, .5, "a time-series database of measurements, tags and fields", "https://docs.influxdata.com/influxdb/v2/reference/key-concepts/"),
        new("influxdb", Factor.TimeSeries, 1, "retention periods per bucket and windowed aggregation over time are built in", "https://docs.influxdata.com/influxdb/v2/query-data/flux/window-aggregate/"),
        new("influxdb", Factor.WriteIngest, .9, "batched line-protocol writes go to a time-structured merge tree", "https://docs.influxdata.com/influxdb/v2/reference/internals/storage-engine/"),
        new("influxdb", Factor.Volume, .75, "TSM files compress time-ordered values by type", "https://docs.influxdata.com/influxdb/v2/reference/internals/storage-engine/#time-structured-merge-tree-tsm"),
        new("influxdb", Factor.Relationships, 0, "has no relations between measurements and no constraints", "https://docs.influxdata.com/influxdb/v2/reference/key-concepts/data-elements/"),
        new("influxdb", Factor.Consistency, 0, "trades transactions for write speed: points are written independently, updates and deletes are rare", "https://docs.influxdata.com/influxdb/v1/concepts/insights_tradeoffs/"),
        new("influxdb", Factor.Aggregates, .7, "aggregateWindow() rolls values up per time window", "https://docs.influxdata.com/flux/v0/stdlib/universe/aggregatewindow/"),

        // TimescaleDB
        new("timescaledb", Factor.Kind, .5, "a PostgreSQL extension for time-series data in hypertables", "https://docs.timescale.com/about/latest/"),
        new("timescaledb", Factor.Relationships, 1, "runs inside PostgreSQL, so regular tables keep PostgreSQL's foreign keys (a hypertable may reference them)", "https://docs.timescale.com/use-timescale/latest/hypertables/"),
        new("timescaledb", Factor.Joins, 1, "hypertables join regular tables with PostgreSQL's planner", "https://docs.timescale.com/use-timescale/latest/query-data/"),
        new("timescaledb", Factor.Consistency, 1, "inherits PostgreSQL's ACID transactions across hypertables and regular tables", "https://docs.timescale.com/use-timescale/latest/write-data/"),
        new("timescaledb", Factor.MultiTenancy, 1, "PostgreSQL's row-level security policies apply to hypertables too", "https://docs.timescale.com/use-timescale/latest/security/"),
        new("timescaledb", Factor.TimeSeries, 1, "hypertables split rows into time chunks automatically, and time_bucket() groups them", "https://docs.timescale.com/use-timescale/latest/hypertables/about-hypertables/"),
        new("timescaledb", Factor.Volume, .8, "compresses older chunks column by column", "https://docs.timescale.com/use-timescale/latest/compression/") { TimeSeriesDataOnly = true },
        new("timescaledb", Factor.Aggregates, .8, "continuous aggregates keep time-bucket rollups up to date incrementally", "https://docs.timescale.com/use-timescale/latest/continuous-aggregates/") { TimeSeriesDataOnly = true },
        new("timescaledb", Factor.WriteIngest, .65, "inserts land in the newest chunk, whose indexes stay in memory, on a single primary node", "https://docs.timescale.com/use-timescale/latest/write-data/insert/") { TimeSeriesDataOnly = true },

        // Neo4j
        new("neo4j", Factor.Kind, .5, "a native graph database of nodes and relationships", "https://neo4j.com/docs/getting-started/graph-database/"),
        new("neo4j", Factor.Graph, 1, "relationships are stored as records pointing at their nodes, so a traversal follows them without joins", "https://neo4j.com/docs/getting-started/graph-database/"),
        new("neo4j", Factor.Relationships, .6, "a relationship always connects two existing nodes, but there are no referential actions such as cascading deletes", "https://neo4j.com/docs/cypher-manual/current/clauses/delete/"),
        new("neo4j", Factor.Consistency, .75, "transactions are ACID", "https://neo4j.com/docs/operations-manual/current/database-internals/transaction-management/"),
        new("neo4j", Factor.WriteIngest, .25, "each database has one writer in a cluster, the primary that leads its transactions", "https://neo4j.com/docs/operations-manual/current/clustering/introduction/"),
        new("neo4j", Factor.TimeSeries, .1, "has no time partitioning or time-bucket rollups", "https://neo4j.com/docs/cypher-manual/current/values-and-types/temporal/"),

        // Amazon Neptune
        new("neptune", Factor.Kind, .5, "a managed graph database queried with Gremlin or openCypher (property graphs) and SPARQL (RDF)", "https://docs.aws.amazon.com/neptune/latest/userguide/access-graph-queries.html"),
        new("neptune", Factor.Graph, 1, "a purpose-built graph engine that stores billions of relationships and traverses them in milliseconds", "https://docs.aws.amazon.com/neptune/latest/apiref/Welcome.html"),
        new("neptune", Factor.Consistency, .75, "enforces ACID transactions with defined isolation levels for read-only and mutation queries", "https://docs.aws.amazon.com/neptune/latest/userguide/transactions-neptune.html"),
        new("neptune", Factor.WriteIngest, .25, "a cluster has one primary instance that makes every change; its up to 15 reader instances only read", "https://docs.aws.amazon.com/neptune/latest/userguide/aurora-replicas-adding.html"),

        // ClickHouse
        new("clickhouse", Factor.Kind, .5, "a column-oriented database for analytical queries", "https://clickhouse.com/docs/en/intro"),
        new("clickhouse", Factor.Aggregates, 1, "reads only the columns a query needs and aggregates them with vectorised execution", "https://clickhouse.com/docs/en/concepts/why-clickhouse-is-so-fast"),
        new("clickhouse", Factor.Volume, 1, "MergeTree compresses each column, and Distributed tables shard it across nodes", "https://clickhouse.com/docs/en/engines/table-engines/mergetree-family/mergetree"),
        new("clickhouse", Factor.WriteIngest, 1, "batched inserts become immutable parts that are merged in the background", "https://clickhouse.com/docs/en/optimize/bulk-inserts"),
        new("clickhouse", Factor.TimeSeries, .9, "PARTITION BY a time expression and TTL rules expire or move old data", "https://clickhouse.com/docs/en/engines/table-engines/mergetree-family/mergetree#table_engine-mergetree-ttl"),
        new("clickhouse", Factor.Consistency, 0, "UPDATE and DELETE run as asynchronous mutations, outside multi-statement transactions", "https://clickhouse.com/docs/en/guides/developer/mutations"),
        new("clickhouse", Factor.Relationships, .25, "accepts no foreign key constraints", "https://clickhouse.com/docs/en/sql-reference/statements/create/table"),
        new("clickhouse", Factor.KeyLookups, .1, "its sparse primary index reads granules of 8,192 rows, not single rows", "https://clickhouse.com/docs/en/optimize/sparse-primary-indexes"),
        new("clickhouse", Factor.Concurrency, .2, "each query uses many cores, so concurrent queries are capped (max_concurrent_queries)", "https://clickhouse.com/docs/en/operations/server-configuration-parameters/settings#max_concurrent_queries"),
        new("clickhouse", Factor.MultiTenancy, .6, "row policies filter the rows each user or role may read", "https://clickhouse.com/docs/en/operations/access-rights#row-policy-management"),
    };

    /// <summary>The engine's fact for <paramref name="factor"/>, or null when the engine is neutral on it.</summary>
    public static EngineFact? Find(string engine, Factor factor) =>
        All.FirstOrDefault(f => f.Factor == factor && string.Equals(f.Engine, engine, StringComparison.OrdinalIgnoreCase));

    /// <summary>How well the engine serves the factor: its fact's capability, else neutral.</summary>
    public static double Capability(string engine, Factor factor) => Find(engine, factor)?.Capability ?? .5;
}
