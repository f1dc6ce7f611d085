using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Safety;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Validation;

namespace SciaticaRelief.Core.Clinical;

/// <summary>A session note as submitted (web form, API), before validation.</summary>
/// <param name="Areas">Body region ids (low-back, buttock, thigh, calf, foot).</param>
/// <param name="Techniques">Modality ids of the catalogue's therapist modalities.</param>
public sealed record SessionNoteInput(
    DateOnly? SessionDate,
    string? Subjective,
    string? Objective,
    string? Assessment,
    string? Plan,
    int? Pressure,
    IReadOnlyList<string> Areas,
    IReadOnlyList<string> Techniques,
    ClientResponse? ClientResponse,
    int? PainBefore,
    int? PainAfter);

/// <summary>A session note that passed validation: text trimmed, lists without repeats, in catalogue order.</summary>
public sealed record SessionNoteValues(
    DateOnly SessionDate,
    string Subjective,
    string Objective,
    string Assessment,
    string Plan,
    int? Pressure,
    IReadOnlyList<string> Areas,
    IReadOnlyList<string> Techniques,
    ClientResponse? ClientResponse,
    int? PainBefore,
    int? PainAfter,
    string? AmendmentReason)
{
    /// <summary>Fills a new note's clinical fields (ids, signature and chain are the caller's).</summary>
    public void ApplyTo(SessionNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        note.SessionDate = SessionDate;
        note.Subjective = Subjective;
        note.Objective = Objective;
        note.Assessment = Assessment;
        note.Plan = Plan;
        note.Pressure = Pressure;
        note.Areas = [.. Areas];
        note.Techniques = [.. Techniques];
        note.ClientResponse = ClientResponse;
        note.PainBefore = PainBefore;
        note.PainAfter = PainAfter;
        note.AmendmentReason = AmendmentReason;
    }
}

/// <summary>
/// Validates a SOAP session note: a session date not in the future and not more than a year back;
/// at least one of the four SOAP sections; each section at most <see cref="MaxSectionLength"/>
/// characters (the column limit); pressure 1–5; pain 0–10; known body regions and therapist
/// techniques; for an amendment, a reason. Text is kept as typed (it is shown escaped, never run).
/// </summary>
public static class SessionNoteValidator
{
    public const int MaxSectionLength = 4000;
    public const int MaxReasonLength = 500;
    public const int MaxSignatureLength = 100;

    /// <summary>Body region ids a note may name, in body-map order.</summary>
    public static IReadOnlyList<(string Id, BodyRegion Region)> AreaIds { get; } =
    [
        ("low-back", BodyRegion.LowBack),
        ("buttock", BodyRegion.Buttock),
        ("thigh", BodyRegion.Thigh),
        ("calf", BodyRegion.Calf),
        ("foot", BodyRegion.Foot),
    ];

    /// <summary>The techniques a note may name: the catalogue's therapist modalities, in catalogue order.</summary>
    public static IEnumerable<Modality> Techniques(ModalityCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.All.Where(m => m.Setting == ModalitySetting.Therapist);
    }

    /// <param name="today">The client's local date today (the latest date anywhere when the zone is not known).</param>
    /// <param name="amending">The original note when this is an amendment; its own session date stays allowed however old.</param>
    /// <param name="reason">The amendment's reason; required when <paramref name="amending"/> is given.</param>
    public static Validated<SessionNoteValues> Validate(SessionNoteInput input, DateOnly today, ModalityCatalog catalog, SessionNote? amending = null, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new ValidationErrors();

        if (input.SessionDate is not { } date)
        {
            errors.Add("sessionDate", "Give the date of the session.");
        }
        else if (date > today)
        {
            errors.Add("sessionDate", "The session date cannot be in the future.");
        }
        else if (date < today.AddYears(-1) && date != amending?.SessionDate)
        {
            errors.Add("sessionDate", "The session date cannot be more than a year ago: write a note soon after the session.");
        }

        var subjective = TextRules.Clean(input.Subjective, "subjective", "Subjective", MaxSectionLength, errors);
        var objective = TextRules.Clean(input.Objective, "objective", "Objective", MaxSectionLength, errors);
        var assessment = TextRules.Clean(input.Assessment, "assessment", "Assessment", MaxSectionLength, errors);
        var plan = TextRules.Clean(input.Plan, "plan", "Plan", MaxSectionLength, errors);
        if (string.IsNullOrWhiteSpace(input.Subjective) && string.IsNullOrWhiteSpace(input.Objective)
            && string.IsNullOrWhiteSpace(input.Assessment) && string.IsNullOrWhiteSpace(input.Plan))
        {
            errors.Add("subjective", "Write at least one part of the note: subjective, objective, assessment or plan.");
        }

        errors.Range("pressure", "Pressure", input.Pressure, 1, 5);
        errors.Range("painBefore", "Pain before", input.PainBefore, 0, 10);
        errors.Range("painAfter", "Pain after", input.PainAfter, 0, 10);
        if (input.ClientResponse is { } response && !Enum.IsDefined(response))
        {
            errors.Add("clientResponse", "The client's response must be better, no-change or worse.");
        }

        var areas = (input.Areas ?? []).Distinct(StringComparer.Ordinal).ToList();
        var unknownAreas = areas.Where(a => !AreaIds.Any(k => string.Equals(k.Id, a, StringComparison.Ordinal))).ToList();
        if (unknownAreas.Count > 0)
        {
            errors.Add("areas", $"Unknown area {Quote(unknownAreas)}: use {string.Join(", ", AreaIds.Select(a => a.Id))}.");
        }
        var allowed = Techniques(catalog).ToList();
        var techniques = (input.Techniques ?? []).Distinct(StringComparer.Ordinal).ToList();
        var unknownTechniques = techniques.Where(t => !allowed.Any(m => string.Equals(m.Id, t, StringComparison.Ordinal))).ToList();
        if (unknownTechniques.Count > 0)
        {
            errors.Add("techniques", $"Unknown technique {Quote(unknownTechniques)}: use one of the therapist modalities, {string.Join(", ", allowed.Select(m => m.Id))}.");
        }

        string? cleanReason = null;
        if (amending is not null)
        {
            cleanReason = TextRules.Clean(reason, "reason", "The reason", MaxReasonLength, errors);
            if (string.IsNullOrWhiteSpace(reason))
            {
                errors.Add("reason", "Give the reason for the amendment (what was wrong or missing).");
            }
        }

        if (!errors.IsEmpty)
        {
            return new Validated<SessionNoteValues>(null, errors);
        }
        return new Validated<SessionNoteValues>(new SessionNoteValues(
            input.SessionDate!.Value, subjective ?? "", objective ?? "", assessment ?? "", plan ?? "",
            input.Pressure,
            [.. AreaIds.Select(a => a.Id).Where(areas.Contains)],
            [.. allowed.Select(m => m.Id).Where(techniques.Contains)],
            input.ClientResponse, input.PainBefore, input.PainAfter, cleanReason), errors);
    }

    /// <summary>
    /// The contraindication warnings of a note's techniques for the client's health conditions,
    /// where the note says the Therapist worked (its areas; none given: anywhere). A session note is
    /// the Therapist's record and is never refused: the warnings go with it, each with its reason and
    /// source (<see cref="CareSafety.Warnings"/>), in the catalogue's order of the techniques.
    /// </summary>
    public static IReadOnlyList<TreatmentWarning> SafetyWarnings(IEnumerable<string> techniques, IEnumerable<string> areas, HealthCondition conditions, ModalityCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(techniques);
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(catalog);
        var regions = AreaIds.Where(a => areas.Contains(a.Id, StringComparer.Ordinal)).Select(a => a.Region).ToList();
        var used = techniques.ToHashSet(StringComparer.Ordinal);
        return [.. catalog.All.Where(m => used.Contains(m.Id))
            .SelectMany(m => CareSafety.Warnings(CareSafety.ForModality(m, conditions, regions.Count == 0 ? null : regions), m.Name))];
    }

    /// <summary>The contraindication warnings of a saved note (<see cref="SafetyWarnings(IEnumerable{string}, IEnumerable{string}, HealthCondition, ModalityCatalog)"/>).</summary>
    public static IReadOnlyList<TreatmentWarning> SafetyWarnings(SessionNote note, HealthCondition conditions, ModalityCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(note);
        return SafetyWarnings(note.Techniques, note.Areas, conditions, catalog);
    }

    /// <summary>The name a note is signed with: the Therapist's display name, cut to the column.</summary>
    public static string Signature(string? displayName, string fallback)
    {
        var name = string.IsNullOrWhiteSpace(displayName) ? fallback : displayName.Trim();
        return name.Length <= MaxSignatureLength ? name : name[..MaxSignatureLength];
    }

    private static string Quote(IEnumerable<string> ids) =>
        string.Join(", ", ids.Take(3).Select(i => "\"" + (i.Length > 40 ? i[..40] + "…" : i) + "\""));
}

/// <summary>Which note of an amendment chain is the current one.</summary>
public static class NoteChains
{
    /// <summary>
    /// The notes of one chain (the original and its amendments), oldest first: by signing time, then
    /// by id (version-7 ids grow with time), with the original first whatever its time.
    /// </summary>
    public static IReadOnlyList<SessionNote> Order(IEnumerable<SessionNote> chain) =>
        [.. chain.OrderBy(n => n.AmendsId is null ? 0 : 1).ThenBy(n => n.SignedAtUtc).ThenBy(n => n.Id)];

    /// <summary>The id of the chain's original: the note itself, or the one it amends.</summary>
    public static Guid RootOf(SessionNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return note.AmendsId ?? note.Id;
    }
}
