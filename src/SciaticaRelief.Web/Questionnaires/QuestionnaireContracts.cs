using SciaticaRelief.Core.Questionnaires;
using SciaticaRelief.Core.Time;

namespace SciaticaRelief.Web.Questionnaires;

/// <summary>One answer, shaped as FHIR's QuestionnaireResponse.item.answer: give the one value that fits the item.</summary>
/// <param name="LinkId">The item's linkId (GET /api/v1/questionnaires/{id} lists them).</param>
/// <param name="Code">For a choice item: the option's code.</param>
/// <param name="Integer">For an integer item: the number.</param>
/// <param name="Boolean">For a yes/no item: true or false.</param>
public sealed record AnswerRequest(string? LinkId, string? Code, int? Integer, bool? Boolean);

/// <summary>A response to an instrument. For Oswestry a section may be answered twice (two boxes ticked): the higher counts.</summary>
/// <param name="AuthoredAt">When it was answered; now when absent.</param>
public sealed record ResponseRequest(IReadOnlyList<AnswerRequest>? Answers, DateTimeOffset? AuthoredAt);

public sealed record BandView(string Id, string Label, decimal From, decimal To, string? Subscore)
{
    public static BandView Of(Band b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new(b.Id, b.Label, b.From, b.To, b.Subscore);
    }
}

public sealed record SubscoreView(string Id, string Title, IReadOnlyList<string> LinkIds, string? Loinc);

public sealed record ImportantChangeView(decimal? Points, decimal? Percent, string? Source);

/// <summary>An instrument as the API lists it: its scoring, and whether this server can ask it.</summary>
/// <param name="CanAnswer">False for a licensed instrument whose questionnaire this server has not loaded.</param>
/// <param name="Rule">sum, count-of-yes, oswestry-percentage or startback.</param>
public sealed record InstrumentView(
    string Id,
    string Title,
    string Version,
    bool Licensed,
    bool CanAnswer,
    string Rule,
    decimal ScoreMin,
    decimal ScoreMax,
    string Unit,
    int Decimals,
    IReadOnlyList<BandView> Bands,
    IReadOnlyList<SubscoreView> Subscores,
    ImportantChangeView? ImportantChange,
    string? LoincPanel,
    string? LoincTotal,
    string Source,
    string? Notice)
{
    public static InstrumentView From(Instrument i)
    {
        ArgumentNullException.ThrowIfNull(i);
        var s = i.Scoring;
        return new(i.Id, i.Title, i.Version, s.Licensed, i.CanAnswer, s.Rule.WireName(), s.TotalMin, s.TotalMax, s.Unit, s.Decimals,
            [.. s.Bands.Select(BandView.Of)],
            [.. s.Subscores.Select(x => new SubscoreView(x.Id, x.Title, x.LinkIds, x.Loinc))],
            s.ImportantChange is { } c ? new ImportantChangeView(c.Points, c.Percent, c.Source) : null,
            s.LoincPanel, s.LoincTotal, s.Source, s.Notice);
    }
}

/// <summary>A stored response with its score. Times carry the offset of the Person's zone at that instant.</summary>
public sealed record ResponseView(
    Guid Id,
    string InstrumentId,
    string InstrumentVersion,
    DateTimeOffset AuthoredAt,
    string TimeZone,
    DateOnly LocalDate,
    IReadOnlyList<ResponseAnswer> Answers,
    decimal? Score,
    string? ScoreText,
    IReadOnlyDictionary<string, decimal> Subscores,
    BandView? Band,
    int Version)
{
    public static ResponseView From(QuestionnaireResponse r, Instrument? instrument)
    {
        ArgumentNullException.ThrowIfNull(r);
        var zone = LocalTime.TryFindZone(r.TimeZoneId, out var z) ? z : TimeZoneInfo.Utc;
        var local = LocalTime.ToLocal(r.AuthoredAtUtc, zone);
        var band = instrument?.Scoring.BandById(r.Band);
        return new(r.Id, r.InstrumentId, r.InstrumentVersion, new DateTimeOffset(local, zone.GetUtcOffset(r.AuthoredAtUtc)), r.TimeZoneId,
            DateOnly.FromDateTime(local), r.Answers, r.Score, r.Score is { } s && instrument is not null ? instrument.Scoring.Format(s) : null,
            r.Subscores, band is null ? null : BandView.Of(band), r.Version);
    }
}

/// <summary>The change from the first response (the baseline) to the latest, against the important change.</summary>
public sealed record ChangeView(decimal Baseline, decimal Latest, decimal Difference, decimal? Percent, bool Important, bool Better);

/// <summary>An instrument's scores over time, oldest first, with its bands.</summary>
public sealed record ResponseHistory(InstrumentView Instrument, ChangeView? Change, IReadOnlyList<ResponseView> Items);

public sealed record ScheduleRequest(string? InstrumentId, string? Frequency, DateOnly? StartsOn);

/// <summary>A schedule: due one interval after the last answer, on its start day when never answered.</summary>
public sealed record ScheduleView(Guid Id, string InstrumentId, string Frequency, DateOnly StartsOn, bool Active, DateOnly NextDue, bool Due, int Version)
{
    public static ScheduleView From(ScheduleWithStatus s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Schedule.Id, s.Schedule.InstrumentId, s.Schedule.Frequency.WireName(), s.Schedule.StartsOn, s.Schedule.Active, s.Status.NextDue, s.Status.Due, s.Schedule.Version);
    }
}
