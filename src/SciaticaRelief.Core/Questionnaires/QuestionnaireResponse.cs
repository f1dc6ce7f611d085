namespace SciaticaRelief.Core.Questionnaires;

/// <summary>One answer of a Response, shaped as FHIR's QuestionnaireResponse.item.answer.</summary>
/// <param name="LinkId">The item's linkId in the Instrument.</param>
/// <param name="Code">For a choice item: the chosen option's code.</param>
/// <param name="Integer">For an integer item (e.g. the 0–10 rating).</param>
/// <param name="Boolean">For a yes/no item.</param>
public sealed record ResponseAnswer(string LinkId, string? Code = null, int? Integer = null, bool? Boolean = null);

/// <summary>One answering of an Instrument, with its score and band. A health row.</summary>
public sealed class QuestionnaireResponse
{
    public Guid PersonId { get; set; }
    public Guid Id { get; set; }
    public string InstrumentId { get; set; } = "";
    public string InstrumentVersion { get; set; } = "";
    public DateTime AuthoredAtUtc { get; set; }
    public string TimeZoneId { get; set; } = "UTC";
    public List<ResponseAnswer> Answers { get; set; } = [];

    /// <summary>The total as the Instrument's scoring defines it (a sum, a count, a percentage).</summary>
    public decimal? Score { get; set; }

    /// <summary>Named subscores (e.g. STarT Back's distress subscore).</summary>
    public Dictionary<string, decimal> Subscores { get; set; } = [];

    public string? Band { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public int Version { get; set; }
}

/// <summary>How often an Instrument is due.</summary>
public enum ScheduleFrequency
{
    Daily = 0,
    Weekly = 1,
    Monthly = 2,
}

/// <summary>"Answer this Instrument every week/month", for one Person.</summary>
public sealed class QuestionnaireSchedule
{
    public Guid PersonId { get; set; }
    public Guid Id { get; set; }
    public string InstrumentId { get; set; } = "";
    public ScheduleFrequency Frequency { get; set; }
    public DateOnly StartsOn { get; set; }
    public bool Active { get; set; } = true;
    public int Version { get; set; }
}
