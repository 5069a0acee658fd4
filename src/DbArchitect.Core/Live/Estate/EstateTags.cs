namespace DbArchitect.Core.Live.Estate;

/// <summary>
/// Choosing part of an inventory by its tags: a target is kept when it carries at least one of the tags asked for
/// (compared without case, as the inventory's own duplicates are), so "-Tag prod, reporting" is the union of both.
/// </summary>
public static class EstateTags
{
    public static bool Carries(EstateTarget target, IReadOnlyCollection<string> wanted)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(wanted);
        return target.Tags.Any(tag => wanted.Contains(tag, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Every tag the targets carry, once each (first spelling met), in ordinal order: for completion and messages.</summary>
    public static IReadOnlyList<string> Of(IEnumerable<EstateTarget> targets) =>
        targets.SelectMany(t => t.Tags).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray();
}
