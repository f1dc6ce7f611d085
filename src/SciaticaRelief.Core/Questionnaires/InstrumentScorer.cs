using System.Globalization;
using SciaticaRelief.Core.Validation;

namespace SciaticaRelief.Core.Questionnaires;

/// <summary>A Response that passed validation: its answers in the Instrument's order and its score.</summary>
public sealed record ScoredResponse(IReadOnlyList<ResponseAnswer> Answers, ScoreResult Result)
{
    /// <summary>Fills a new Response row with the answers, score, subscores and band.</summary>
    public void ApplyTo(QuestionnaireResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Answers = [.. Answers];
        response.Score = Result.Score;
        response.Subscores = new Dictionary<string, decimal>(Result.Subscores, StringComparer.Ordinal);
        response.Band = Result.Band?.Id;
    }
}

/// <summary>
/// Validates a Person's answers against an Instrument and scores them. Nothing is saved unless this
/// succeeds: an unknown item or option, a number out of range, a missing required answer or an
/// answer of the wrong kind is an error keyed "answers.&lt;linkId&gt;" (or "answers" when the item
/// does not exist).
/// </summary>
public static class InstrumentScorer
{
    public const string Field = "answers";

    public static string FieldOf(string linkId) => Field + "." + linkId;

    /// <summary>An option's points without a values map: its ordinal value, else its code read as a number.</summary>
    public static decimal? PointsOf(AnswerOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        if (option.Ordinal is { } ordinal)
        {
            return ordinal;
        }
        return decimal.TryParse(option.Code, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    public static Validated<ScoredResponse> Score(Instrument instrument, IReadOnlyList<ResponseAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new ValidationErrors();
        var questionnaire = instrument.Questionnaire
            ?? throw new InvalidOperationException($"Instrument {instrument.Id} has no Questionnaire loaded; it cannot be answered.");
        var scoring = instrument.Scoring;
        var byItem = new Dictionary<string, List<ResponseAnswer>>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            if (answer is null || string.IsNullOrWhiteSpace(answer.LinkId))
            {
                errors.Add(Field, "Every answer needs the linkId of its item.");
                continue;
            }
            var found = questionnaire.Item(answer.LinkId);
            if (found is null || found.Kind == ItemKind.Display)
            {
                errors.Add(Field, found is null
                    ? $"There is no item '{Short(answer.LinkId)}' in {instrument.Title}."
                    : $"Item '{answer.LinkId}' is text to read; it takes no answer.");
                continue;
            }
            if (!byItem.TryGetValue(answer.LinkId, out var list))
            {
                byItem[answer.LinkId] = list = [];
            }
            list.Add(answer);
        }

        var points = new Dictionary<string, IReadOnlyList<decimal>>(StringComparer.Ordinal);
        var kept = new List<ResponseAnswer>();
        foreach (var item in questionnaire.Questions)
        {
            var field = FieldOf(item.LinkId);
            if (!byItem.TryGetValue(item.LinkId, out var given))
            {
                var needed = item.Required || scoring.Rule is ScoringRule.Sum or ScoringRule.StartBack;
                if (needed)
                {
                    errors.Add(field, $"Answer \"{item.Text}\" (item '{item.LinkId}').");
                }
                continue;
            }
            if (given.Count > 1 && scoring.Rule != ScoringRule.OswestryPercentage)
            {
                errors.Add(field, $"Item '{item.LinkId}' takes one answer; it was given {given.Count}.");
                continue;
            }
            var group = scoring.GroupOf(item.LinkId);
            var itemPoints = new List<decimal>();
            foreach (var answer in given)
            {
                if (PointsOf(item, group, answer, field, errors) is { } p)
                {
                    itemPoints.Add(p);
                    kept.Add(Normalise(item, answer));
                }
            }
            if (itemPoints.Count == given.Count && group is not null)
            {
                points[item.LinkId] = itemPoints;
            }
        }
        if (!errors.IsEmpty)
        {
            return new Validated<ScoredResponse>(null, errors);
        }
        var (result, error) = ScoreCalculator.Score(scoring, points);
        if (result is null)
        {
            errors.Add(Field, error!);
            return new Validated<ScoredResponse>(null, errors);
        }
        return new Validated<ScoredResponse>(new ScoredResponse(kept, result), errors);
    }

    private static decimal? PointsOf(InstrumentItem item, ScoredItems? group, ResponseAnswer answer, string field, ValidationErrors errors)
    {
        switch (item.Kind)
        {
            case ItemKind.Choice:
                if (answer.Code is null || answer.Integer is not null || answer.Boolean is not null)
                {
                    errors.Add(field, $"Item '{item.LinkId}' takes the code of one option ({Codes(item)}).");
                    return null;
                }
                if (item.Option(answer.Code) is not { } option)
                {
                    errors.Add(field, $"'{Short(answer.Code)}' is not an option of item '{item.LinkId}' (options: {Codes(item)}).");
                    return null;
                }
                if (group?.Values is { } values)
                {
                    return values[option.Code];
                }
                return PointsOf(option) ?? 0;
            case ItemKind.Integer:
                if (answer.Integer is not { } number || answer.Code is not null || answer.Boolean is not null)
                {
                    errors.Add(field, $"Item '{item.LinkId}' takes a whole number.");
                    return null;
                }
                var min = item.Min ?? (int?)group?.Min;
                var max = item.Max ?? (int?)group?.Max;
                if ((min is { } lo && number < lo) || (max is { } hi && number > hi))
                {
                    errors.Add(field, $"Item '{item.LinkId}' must be a whole number from {min} to {max} (it was {number.ToString(CultureInfo.InvariantCulture)}).");
                    return null;
                }
                return number;
            case ItemKind.Boolean:
                if (answer.Boolean is not { } yes || answer.Code is not null || answer.Integer is not null)
                {
                    errors.Add(field, $"Item '{item.LinkId}' takes yes or no (true or false).");
                    return null;
                }
                return yes ? 1 : 0;
            case ItemKind.Display:
                return null;
            default:
                throw new InvalidOperationException($"Unknown item kind {item.Kind}.");
        }
    }

    /// <summary>Only the value that fits the item is kept, as FHIR's answer.value[x] holds one.</summary>
    private static ResponseAnswer Normalise(InstrumentItem item, ResponseAnswer a) => item.Kind switch
    {
        ItemKind.Choice => new ResponseAnswer(item.LinkId, Code: a.Code),
        ItemKind.Integer => new ResponseAnswer(item.LinkId, Integer: a.Integer),
        ItemKind.Boolean => new ResponseAnswer(item.LinkId, Boolean: a.Boolean),
        ItemKind.Display => a,
    };

    private static string Codes(InstrumentItem item) => string.Join(", ", item.Options.Select(o => o.Code));

    /// <summary>Echoed text is cut short: an error message is not a place for a pasted essay.</summary>
    private static string Short(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
