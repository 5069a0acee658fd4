namespace DbArchitect.Core.Requirements;

public enum ApplicationKind { Oltp, Analytics, Mixed, TimeSeries, Document, Graph, KeyValue }

public enum Tenancy { Single, Multi }

public enum StorageKind { Ssd, Hdd, Network }

public enum NamingStyle { SnakeCase, PascalCase, CamelCase, AsWritten }

public enum PrimaryKeyKind { Uuid, BigInt, Int }

public enum RelationshipKind { OneToOne, OneToMany, ManyToMany }

public enum DeleteAction { Restrict, Cascade, SetNull, NoAction }

public enum RetentionUnit { Day, Week, Month, Year }
