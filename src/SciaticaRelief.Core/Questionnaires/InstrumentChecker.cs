using static SciaticaRelief.Core.Questionnaires.ScoringDefinitionReader;

namespace SciaticaRelief.Core.Questionnaires;

/// <summary>
/// Checks that a Questionnaire and its scoring definition belong together: every scored item exists
/// and takes the kind of answer the scoring expects, every option has points, every subscore's item
/// exists. Errors name the file to fix and the item.
/// </summary>
public static class InstrumentChecker
{
    public static IReadOnlyList<string> Check(ScoringDefinition scoring, QuestionnaireDefinition questionnaire, string questionnaireFile, string scoringFile)
    {
        ArgumentNullException.ThrowIfNull(scoring);
        ArgumentNullException.ThrowIfNull(questionnaire);
        var errors = new List<string>();
        if (!string.Equals(scoring.InstrumentId, questionnaire.Id, StringComparison.Ordinal))
        {
            errors.Add($"{questionnaireFile}: the Questionnaire's id is \"{questionnaire.Id}\" but its scoring file is for \"{scoring.InstrumentId}\".");
        }
        var duplicates = questionnaire.Items.GroupBy(i => i.LinkId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        foreach (var linkId in duplicates)
        {
            errors.Add($"{questionnaireFile}: linkId '{linkId}' is used by more than one item.");
        }

        var scored = new HashSet<string>(scoring.LinkIds, StringComparer.Ordinal);
        foreach (var item in questionnaire.Questions.Where(i => !scored.Contains(i.LinkId)))
        {
            errors.Add($"{questionnaireFile}: item '{item.LinkId}' takes an answer but {scoringFile} does not score it.");
        }
        foreach (var group in scoring.Items)
        {
            foreach (var linkId in group.LinkIds)
            {
                if (questionnaire.Item(linkId) is not { } item)
                {
                    errors.Add($"{scoringFile}: item '{linkId}' is scored but the questionnaire ({questionnaireFile}) does not have it.");
                    continue;
                }
                errors.AddRange(CheckItem(item, group, scoring.Rule, questionnaireFile, scoringFile));
            }
        }
        foreach (var sub in scoring.Subscores)
        {
            foreach (var linkId in sub.LinkIds.Where(l => questionnaire.Item(l) is null))
            {
                errors.Add($"{scoringFile}: subscore '{sub.Id}' names item '{linkId}' which the questionnaire does not have.");
            }
        }
        return errors;
    }

    private static IEnumerable<string> CheckItem(InstrumentItem item, ScoredItems group, ScoringRule rule, string questionnaireFile, string scoringFile)
    {
        var range = $"{N(group.Min)}–{N(group.Max)}";
        switch (item.Kind)
        {
            case ItemKind.Display:
                yield return $"{questionnaireFile}: item '{item.LinkId}' is display text (takes no answer) but {scoringFile} scores it.";
                break;
            case ItemKind.Boolean:
                if (group.Min != 0 || group.Max != 1)
                {
                    yield return $"{scoringFile}: item '{item.LinkId}' is yes/no, so it scores 0 or 1, not {range}.";
                }
                break;
            case ItemKind.Integer:
                if (group.Values is not null)
                {
                    yield return $"{scoringFile}: item '{item.LinkId}' takes a number, so it cannot map option codes to points.";
                }
                if ((item.Min is { } qMin && qMin != group.Min) || (item.Max is { } qMax && qMax != group.Max))
                {
                    yield return $"{questionnaireFile}: item '{item.LinkId}' allows {item.Min}–{item.Max} but {scoringFile} scores it {range}.";
                }
                break;
            case ItemKind.Choice:
                if (item.Options.Count == 0)
                {
                    yield return $"{questionnaireFile}: item '{item.LinkId}' has no answer options.";
                    break;
                }
                if (group.Values is { } values)
                {
                    foreach (var option in item.Options.Where(o => !values.ContainsKey(o.Code)))
                    {
                        yield return $"{scoringFile}: item '{item.LinkId}' has option '{option.Code}' in the questionnaire but no points for it in 'values'.";
                    }
                    foreach (var code in values.Keys.Where(c => item.Option(c) is null))
                    {
                        yield return $"{scoringFile}: item '{item.LinkId}' gives points to option '{code}' which the questionnaire does not have.";
                    }
                    break;
                }
                foreach (var option in item.Options)
                {
                    if (InstrumentScorer.PointsOf(option) is not { } points)
                    {
                        yield return $"{questionnaireFile}: item '{item.LinkId}' option '{option.Code}' has no score: give it an ordinalValue extension or a numeric code, or map it in {scoringFile} 'values'.";
                    }
                    else if (points < group.Min || points > group.Max)
                    {
                        yield return $"{questionnaireFile}: item '{item.LinkId}' option '{option.Code}' scores {N(points)}, outside the {range} of {scoringFile}.";
                    }
                }
                if (rule == ScoringRule.OswestryPercentage && !item.Options.Any(o => InstrumentScorer.PointsOf(o) == group.Max))
                {
                    yield return $"{questionnaireFile}: item '{item.LinkId}' has no option scoring {N(group.Max)}, the section maximum Oswestry divides by.";
                }
                break;
            default:
                throw new InvalidOperationException($"Unknown item kind {item.Kind}.");
        }
    }
}
