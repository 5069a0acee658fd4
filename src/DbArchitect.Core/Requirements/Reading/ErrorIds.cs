namespace DbArchitect.Core.Requirements.Reading;

/// <summary>The stable error ids of the requirements reader. Pipelines match on them: never rename one.</summary>
internal static class ErrorIds
{
    public const string YamlSyntaxError = nameof(YamlSyntaxError);
    public const string UnsupportedFormat = nameof(UnsupportedFormat);
    public const string UnknownKey = nameof(UnknownKey);
    public const string MissingRequiredKey = nameof(MissingRequiredKey);
    public const string InvalidValue = nameof(InvalidValue);
    public const string InvalidEnumValue = nameof(InvalidEnumValue);
    public const string NegativeVolume = nameof(NegativeVolume);
    public const string UnknownEngine = nameof(UnknownEngine);
    public const string UnknownType = nameof(UnknownType);
    public const string InvalidTypeArguments = nameof(InvalidTypeArguments);
    public const string EmptyEnum = nameof(EmptyEnum);
    public const string DuplicateEnumValue = nameof(DuplicateEnumValue);
    public const string InvalidDefault = nameof(InvalidDefault);
    public const string InvalidCheck = nameof(InvalidCheck);
    public const string UnsafeIdentifier = nameof(UnsafeIdentifier);
    public const string DuplicateEntity = nameof(DuplicateEntity);
    public const string DuplicateAttribute = nameof(DuplicateAttribute);
    public const string ColumnCollision = nameof(ColumnCollision);
    public const string DuplicateAccessPattern = nameof(DuplicateAccessPattern);
    public const string DuplicateForeignKeyColumn = nameof(DuplicateForeignKeyColumn);
    public const string UnknownEntity = nameof(UnknownEntity);
    public const string UnknownColumn = nameof(UnknownColumn);
    public const string InvalidRelationship = nameof(InvalidRelationship);
    public const string InvalidAccessPattern = nameof(InvalidAccessPattern);
    public const string InputTooLarge = nameof(InputTooLarge);
    public const string NestingTooDeep = nameof(NestingTooDeep);
    public const string AliasExpansionTooLarge = nameof(AliasExpansionTooLarge);
    public const string RecursiveAlias = nameof(RecursiveAlias);
    public const string InvalidEncoding = nameof(InvalidEncoding);
    public const string TooManyErrors = nameof(TooManyErrors);
    public const string EngineLimitExceeded = nameof(EngineLimitExceeded);
}
