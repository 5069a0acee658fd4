using System.Globalization;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Indexing;

/// <summary>
/// The shape every engine's advice DDL shares (keys, INCLUDE, WHERE); each engine supplies its statement frame and
/// spells names, literals and expression keys through its own writer.
/// </summary>
public abstract class IndexAdviceDdl : IIndexAdviceDdl
{
    public abstract IndexCapabilities Capabilities { get; }

    public abstract IIndexSpelling Spelling { get; }

    public virtual bool OutsideTransaction => false;

    public virtual ILiveIndexAdvisor? Live => null;

    public virtual IWorkloadParser? Parser => null;

    public abstract string Create(IndexDefinition index, string schema);

    public virtual string Create(IndexDefinition index, string schema, double estimatedBytes) => Create(index, schema);

    public abstract string Drop(IndexDefinition index, string schema);

    public string Comment(string text) => CommentText.Sql(text);

    /// <summary>The key list: "(a, b DESC)".</summary>
    protected string KeyList(IndexDefinition index) => "(" + string.Join(", ", index.Keys.Select(k => Key(k, index.Method) + (k.Descending ? " DESC" : string.Empty))) + ")";

    /// <summary>" INCLUDE (x, y)" or nothing.</summary>
    protected string IncludeClause(IndexDefinition index) =>
        index.Include.Count == 0 ? string.Empty : " INCLUDE (" + string.Join(", ", index.Include.Select(Id)) + ")";

    /// <summary>" WHERE …" or nothing; an existing index's predicate is the server's own text.</summary>
    protected string WhereClause(IndexDefinition index) => !index.IsPartial
        ? string.Empty
        : " WHERE " + (index.RawPredicate ?? string.Join(" AND ", index.Predicate.Select(Test)));

    protected abstract string Id(string name);

    protected abstract string Text(string value);

    protected abstract string Key(AdvisedKey key, IndexStructure method);

    protected string Test(PredicateTest test) => test.Operator switch
    {
        PredicateOperator.IsNull => Id(test.Column) + " IS NULL",
        PredicateOperator.IsNotNull => Id(test.Column) + " IS NOT NULL",
        _ => Id(test.Column) + " = " + Constant(test),
    };

    private string Constant(PredicateTest test) =>
        !test.ConstantIsText && double.TryParse(test.Constant, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? test.Constant! : Text(test.Constant ?? string.Empty);
}
