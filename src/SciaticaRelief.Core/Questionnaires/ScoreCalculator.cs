namespace SciaticaRelief.Core.Questionnaires;

/// <summary>A total with its subscores and band.</summary>
public sealed record ScoreResult(decimal Score, IReadOnlyDictionary<string, decimal> Subscores, Band? Band);

/// <summary>
/// Turns item points into a score by a <see cref="ScoringDefinition"/>. Pure: no Questionnaire is
/// needed, so the scoring of licensed instruments is tested without their item text.
/// </summary>
public static class ScoreCalculator
{
    /// <summary>
    /// Scores points by linkId. An item absent from <paramref name="points"/> is unanswered. An item
    /// with several points (two boxes ticked) counts as the highest of them, as Oswestry's scoring
    /// instructions say; the validator allows that only for Oswestry.
    /// </summary>
    /// <returns>The result, or the reason the points cannot be scored.</returns>
    public static (ScoreResult? Result, string? Error) Score(ScoringDefinition definition, IReadOnlyDictionary<string, IReadOnlyList<decimal>> points)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(points);
        var item = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var linkId in definition.LinkIds)
        {
            if (points.TryGetValue(linkId, out var values) && values.Count > 0)
            {
                item[linkId] = values.Max();
            }
        }

        decimal score;
        switch (definition.Rule)
        {
            case ScoringRule.Sum:
            case ScoringRule.StartBack:
                var missing = definition.LinkIds.Where(id => !item.ContainsKey(id)).ToList();
                if (missing.Count > 0)
                {
                    return (null, $"Every item is needed for the score; unanswered: {string.Join(", ", missing)}.");
                }
                score = item.Values.Sum();
                break;
            case ScoringRule.CountOfYes:
                // A statement left blank on the form was not ticked: it counts as no.
                score = item.Values.Count(v => v > 0);
                break;
            case ScoringRule.OswestryPercentage:
                if (item.Count == 0)
                {
                    return (null, "At least one section must be answered for a score.");
                }
                var possible = item.Keys.Sum(id => definition.GroupOf(id)!.Max);
                score = item.Values.Sum() / possible * 100;
                break;
            default:
                throw new InvalidOperationException($"Unknown rule {definition.Rule}.");
        }
        score = Math.Round(score, definition.Decimals, MidpointRounding.AwayFromZero);

        var subscores = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var sub in definition.Subscores)
        {
            subscores[sub.Id] = sub.LinkIds.Sum(id => item.GetValueOrDefault(id));
        }
        return (new ScoreResult(score, subscores, BandOf(definition, score, subscores)), null);
    }

    /// <summary>The first band, in order, whose value (the total or its subscore) is at most its upper bound.</summary>
    public static Band? BandOf(ScoringDefinition definition, decimal score, IReadOnlyDictionary<string, decimal> subscores)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(subscores);
        foreach (var band in definition.Bands)
        {
            var value = band.Subscore is { } s ? subscores.GetValueOrDefault(s) : score;
            if (value <= band.To)
            {
                return band;
            }
        }
        return null;
    }
}
