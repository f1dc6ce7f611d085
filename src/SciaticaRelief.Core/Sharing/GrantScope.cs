using System.Text.Json.Serialization;

namespace SciaticaRelief.Core.Sharing;

/// <summary>
/// The parts of a Person's data a Grant shares. Red-flag results are not a scope: every live
/// Grant includes them, for safety (issue 5), so a Therapist never misses a danger sign.
/// </summary>
[Flags]
public enum GrantScope
{
    None = 0,
    Journal = 1 << 0,
    Treatments = 1 << 1,
    Questionnaires = 1 << 2,
    Plan = 1 << 3,
    All = Journal | Treatments | Questionnaires | Plan,
}

public static class GrantScopes
{
    /// <summary>The API's names, in the order forms list them.</summary>
    public static readonly IReadOnlyList<(GrantScope Scope, string Name, string Label)> Each =
    [
        (GrantScope.Journal, "journal", "Journal (pain check-ins)"),
        (GrantScope.Treatments, "treatments", "Treatments and their effect"),
        (GrantScope.Questionnaires, "questionnaires", "Questionnaire scores"),
        (GrantScope.Plan, "plan", "Plan and home-care adherence"),
    ];

    public static IReadOnlyList<string> Names(GrantScope scopes) =>
        [.. Each.Where(e => scopes.HasFlag(e.Scope)).Select(e => e.Name)];

    /// <summary>Parses API names; unknown names are returned so the caller can name them in its error.</summary>
    public static (GrantScope Scopes, IReadOnlyList<string> Unknown) Parse(IEnumerable<string>? names)
    {
        var scopes = GrantScope.None;
        var unknown = new List<string>();
        foreach (var name in names ?? [])
        {
            var match = Each.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));
            if (match.Scope == GrantScope.None)
            {
                unknown.Add(name);
            }
            scopes |= match.Scope;
        }
        return (scopes, unknown);
    }
}
