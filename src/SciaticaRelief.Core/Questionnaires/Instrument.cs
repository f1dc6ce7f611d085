namespace SciaticaRelief.Core.Questionnaires;

/// <summary>What kind of answer an item takes (a subset of FHIR's Questionnaire.item.type).</summary>
public enum ItemKind
{
    /// <summary>Text shown between questions; takes no answer.</summary>
    Display = 0,

    /// <summary>One option from a list (FHIR "choice").</summary>
    Choice = 1,

    /// <summary>A whole number, e.g. the 0–10 rating.</summary>
    Integer = 2,

    /// <summary>Yes or no.</summary>
    Boolean = 3,
}

/// <summary>One answer option of a choice item.</summary>
/// <param name="Code">The option's code; answers name it.</param>
/// <param name="Display">The text shown for it.</param>
/// <param name="Ordinal">The option's score from the Questionnaire (FHIR's ordinalValue extension), if it gives one.</param>
/// <param name="System">The code system of the option's coding, kept so the Questionnaire can be given back as it came.</param>
public sealed record AnswerOption(string Code, string Display, decimal? Ordinal = null, string? System = null);

/// <summary>One question (or display text) of an Instrument.</summary>
/// <param name="LinkId">The item's id, unique in the Instrument; answers and scoring definitions name it.</param>
/// <param name="Text">The question as shown.</param>
/// <param name="Kind">What kind of answer it takes.</param>
/// <param name="Required">An answer is needed before the response can be saved.</param>
/// <param name="Options">For a choice item: its options, in order.</param>
/// <param name="Min">For an integer item: the smallest answer the Questionnaire allows (minValue), if it says.</param>
/// <param name="Max">For an integer item: the largest answer the Questionnaire allows (maxValue), if it says.</param>
/// <param name="Code">The item's code (e.g. LOINC), if any.</param>
public sealed record InstrumentItem(
    string LinkId,
    string Text,
    ItemKind Kind,
    bool Required,
    IReadOnlyList<AnswerOption> Options,
    int? Min = null,
    int? Max = null,
    Coded? Code = null)
{
    public AnswerOption? Option(string code) => Options.FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.Ordinal));
}

/// <summary>A code from a code system (LOINC for the outcome measures).</summary>
public sealed record Coded(string System, string Code, string? Display = null)
{
    public const string Loinc = "http://loinc.org";
}

/// <summary>The Questionnaire side of an Instrument: who wrote it and what it asks, without any scoring.</summary>
/// <param name="Id">The Instrument's stable id (e.g. "odi"); files are named after it.</param>
/// <param name="Url">The Questionnaire's canonical URL.</param>
/// <param name="Version">The Questionnaire's version; stored with every Response.</param>
/// <param name="Title">The name people see.</param>
/// <param name="Description">What it measures, in a sentence or two.</param>
/// <param name="Copyright">Where the wording comes from and under what terms.</param>
/// <param name="Code">The panel code (e.g. LOINC), if any.</param>
/// <param name="Items">Every item in order, groups flattened.</param>
public sealed record QuestionnaireDefinition(
    string Id,
    string? Url,
    string Version,
    string Title,
    string? Description,
    string? Copyright,
    Coded? Code,
    IReadOnlyList<InstrumentItem> Items)
{
    public InstrumentItem? Item(string linkId) => Items.FirstOrDefault(i => string.Equals(i.LinkId, linkId, StringComparison.Ordinal));

    public IEnumerable<InstrumentItem> Questions => Items.Where(i => i.Kind != ItemKind.Display);
}

/// <summary>
/// An outcome measure: the scoring definition (always shipped) and, where this install has it, the
/// Questionnaire (items and wording). A licensed instrument without its Questionnaire can be listed
/// and its scoring tested, but not answered.
/// </summary>
public sealed record Instrument(ScoringDefinition Scoring, QuestionnaireDefinition? Questionnaire)
{
    public string Id => Scoring.InstrumentId;

    public string Title => Questionnaire?.Title ?? Scoring.Title;

    public string Version => Questionnaire?.Version ?? Scoring.Version;

    /// <summary>True when it can be answered here: its Questionnaire is loaded.</summary>
    public bool CanAnswer => Questionnaire is not null;
}
