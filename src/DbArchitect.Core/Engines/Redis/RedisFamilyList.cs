using DbArchitect.Core.Model.KeyValue;

namespace DbArchitect.Core.Engines.Redis;

/// <summary>
/// The key families planned so far, in the order planned, with positions by name and by entity and purpose: the planner
/// looks a family up for every access pattern and relationship, and a scan of all families per look-up made a
/// 1,000-entity design quadratic. A look-up answers what a scan in order would: the first match, as it is now.
/// </summary>
internal sealed class RedisFamilyList
{
    private readonly List<KeyFamily> _items = new();
    private readonly Dictionary<string, List<int>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Entity, KeyFamilyPurpose Purpose), List<int>> _byOwner = new();

    public IReadOnlyList<KeyFamily> Items => _items;

    public void Add(KeyFamily family)
    {
        Positions(_byName, family.Name).Add(_items.Count);
        Positions(_byOwner, (family.Entity, family.Purpose)).Add(_items.Count);
        _items.Add(family);
    }

    /// <summary>The first family named <paramref name="name"/>, or null.</summary>
    public KeyFamily? Named(string name) => _byName.TryGetValue(name, out var at) ? _items[at[0]] : null;

    /// <summary>The families of <paramref name="entity"/> (compared ordinally) with <paramref name="purpose"/>, in the order planned.</summary>
    public IEnumerable<KeyFamily> Of(string entity, KeyFamilyPurpose purpose) =>
        _byOwner.TryGetValue((entity, purpose), out var at) ? at.Select(i => _items[i]) : Enumerable.Empty<KeyFamily>();

    /// <summary>Replaces the first family equal to <paramref name="family"/> by <paramref name="changed"/> (same name); nothing when none is.</summary>
    public void Replace(KeyFamily family, Func<KeyFamily, KeyFamily> changed)
    {
        if (!_byName.TryGetValue(family.Name, out var at))
        {
            return;
        }

        foreach (var i in at)
        {
            if (_items[i].Equals(family))
            {
                _items[i] = changed(family);
                return;
            }
        }
    }

    private static List<int> Positions<TKey>(Dictionary<TKey, List<int>> index, TKey key)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var positions))
        {
            positions = new List<int>();
            index.Add(key, positions);
        }

        return positions;
    }
}
