using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Time;

namespace SciaticaRelief.Core.Interop.Fhir;

/// <summary>
/// The URLs, codes and conversions our FHIR export and its reader share, so the two cannot drift apart.
/// Fields FHIR has no slot for travel in extensions under <see cref="ExtensionBase"/>; our own code
/// systems live under <see cref="CodeSystemBase"/>.
/// </summary>
public static class ReliefFhir
{
    public const string Base = "https://sciatica-relief.example/fhir";
    public const string ExtensionBase = Base + "/StructureDefinition/";
    public const string CodeSystemBase = Base + "/CodeSystem/";

    /// <summary>The Bundle's meta tag that marks an export of this app (how the reader recognises one).</summary>
    public const string ExportTagSystem = CodeSystemBase + "export";
    public const string ExportTagCode = "relief-export";

    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Ucum = "http://unitsofmeasure.org";

    /// <summary>LOINC 72514-3: Pain severity - 0-10 verbal numeric rating [Score] - Reported.</summary>
    public const string PainSeverityCode = "72514-3";
    public const string PainSeverityDisplay = "Pain severity - 0-10 verbal numeric rating [Score] - Reported";

    /// <summary>The IANA time zone of a row (the FHIR extensions pack's tz-code).</summary>
    public const string TimeZoneUrl = "http://hl7.org/fhir/StructureDefinition/tz-code";

    public static class Systems
    {
        public const string RecordKind = CodeSystemBase + "record-kind";
        public const string CheckInComponent = CodeSystemBase + "check-in-component";
        public const string PainQuality = CodeSystemBase + "pain-quality";
        public const string Trigger = CodeSystemBase + "trigger";
        public const string RedFlagQuestion = CodeSystemBase + "red-flag-question";
        public const string TriageLevel = CodeSystemBase + "triage-level";
        public const string TreatmentKind = CodeSystemBase + "treatment-kind";
        public const string Modality = CodeSystemBase + "modality";
        public const string Ingredient = CodeSystemBase + "medicine-ingredient";
        public const string PlanItemKind = CodeSystemBase + "plan-item-kind";
        public const string GrantScope = CodeSystemBase + "grant-scope";
        public const string Therapist = CodeSystemBase + "therapist-id";
        public const string Instrument = Base + "/Questionnaire/";
    }

    /// <summary>The record kinds, as category codes: they tell two Observations or two Procedures apart.</summary>
    public static class Kinds
    {
        public const string CheckIn = "check-in";
        public const string FollowUp = "treatment-follow-up";
        public const string RedFlagAnswer = "red-flag-answer";
        public const string EarSeedApplication = "ear-seed-application";
    }

    /// <summary>Extension names (appended to <see cref="ExtensionBase"/>).</summary>
    public static class X
    {
        public const string CreatedAt = "created-at";
        public const string UpdatedAt = "updated-at";
        public const string RecordVersion = "record-version";
        public const string Radiation = "radiation";
        public const string Laterality = "laterality";
        public const string HoursAfter = "hours-after";
        public const string FiredRules = "fired-rules";
        public const string SeeDoctorToday = "see-doctor-today";
        public const string AssessmentSource = "assessment-source";
        public const string CheckIn = "check-in";
        public const string TreatmentKind = "treatment-kind";
        public const string PainBefore = "pain-before";
        public const string PainAfter = "pain-after";
        public const string Pressure = "pressure";
        public const string Intensity = "intensity";
        public const string Bruising = "bruising";
        public const string BruiseAreas = "bruise-areas";
        public const string Soreness = "soreness";
        public const string SideEffectSign = "side-effect-sign";
        public const string PointPressed = "point-pressed";
        public const string Point = "point";
        public const string Feeling = "feeling";
        public const string Seconds = "seconds";
        public const string DoseIndex = "dose-index";
        public const string Product = "product";
        public const string RemoveBy = "remove-by";
        public const string EarPoint = "ear-point";
        public const string InstrumentId = "instrument-id";
        public const string InstrumentVersion = "instrument-version";
        public const string Score = "score";
        public const string Subscore = "subscore";
        public const string Band = "band";
        public const string Id = "id";
        public const string Value = "value";
        public const string PlanItemId = "plan-item-id";
        public const string Title = "title";
        public const string Modality = "modality";
        public const string Recurrence = "recurrence";
        public const string IntervalWeeks = "interval-weeks";
        public const string ReminderMinutesBefore = "reminder-minutes-before";
        public const string AssignedByTherapist = "assigned-by-therapist";
        public const string Sequence = "sequence";
        public const string Completion = "completion";
        public const string OccurrenceDate = "occurrence-date";
        public const string CompletedAt = "completed-at";
        public const string Treatment = "treatment";
        public const string RegionCode = "region-code";
        public const string Conditions = "health-conditions";
    }

    public static string Url(string name) => ExtensionBase + name;

    /// <summary>SNOMED CT body structures of the body-map regions.</summary>
    public static IReadOnlyDictionary<BodyRegion, (string Code, string Display)> RegionCodes { get; } = new Dictionary<BodyRegion, (string, string)>
    {
        [BodyRegion.LowBack] = ("37822005", "Lower back structure"),
        [BodyRegion.Buttock] = ("46862004", "Buttock structure"),
        [BodyRegion.Thigh] = ("68367000", "Thigh structure"),
        [BodyRegion.Calf] = ("53840002", "Structure of calf of leg"),
        [BodyRegion.Foot] = ("56459004", "Foot structure"),
    };

    /// <summary>SNOMED CT laterality qualifiers.</summary>
    public static IReadOnlyDictionary<Side, (string Code, string Display)> SideCodes { get; } = new Dictionary<Side, (string, string)>
    {
        [Side.Left] = ("7771000", "Left"),
        [Side.Right] = ("24028007", "Right"),
        [Side.Both] = ("51440002", "Right and left"),
    };

    /// <summary>SNOMED CT: Ear structure.</summary>
    public const string EarCode = "117590005";

    /// <summary>LOINC answers Yes (LA33-6), No (LA32-8), Unknown (LA4489-6) for the red-flag answers.</summary>
    public static IReadOnlyDictionary<Triage.Answer, (string Code, string Display)> AnswerCodes { get; } = new Dictionary<Triage.Answer, (string, string)>
    {
        [Triage.Answer.Yes] = ("LA33-6", "Yes"),
        [Triage.Answer.No] = ("LA32-8", "No"),
        [Triage.Answer.Unsure] = ("LA4489-6", "Unknown"),
    };

    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    /// <summary>
    /// An instant as a FHIR dateTime at the local offset of its zone (readable where it happened), to
    /// the tick, so the reader gives back exactly the stored UTC value.
    /// </summary>
    public static FhirDateTime Instant(DateTime utc, string? zoneId = null) => new(InstantText(utc, zoneId));

    /// <summary>The text of <see cref="Instant"/>.</summary>
    public static string InstantText(DateTime utc, string? zoneId = null)
    {
        Span<byte> text = stackalloc byte[InstantMaxBytes];
        return Encoding.UTF8.GetString(text[..FormatInstant(utc, zoneId, text)]);
    }

    /// <summary>The longest <see cref="FormatInstant"/> writes.</summary>
    public const int InstantMaxBytes = 40;

    /// <summary><see cref="InstantText"/> as UTF-8 into <paramref name="destination"/>, without a string: the export writes thousands.</summary>
    public static int FormatInstant(DateTime utc, string? zoneId, Span<byte> destination)
    {
        var zone = LocalTime.TryFindZone(zoneId, out var z) ? z : TimeZoneInfo.Utc;
        var at = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        var local = at.ToOffset(zone.GetUtcOffset(at));
        if (!local.TryFormat(destination, out var written, InstantFormat, CultureInfo.InvariantCulture))
        {
            throw new ArgumentException("The destination is shorter than an instant.", nameof(destination));
        }
        if (local.Offset != TimeSpan.Zero)
        {
            return written;
        }
        destination[written - 6] = (byte)'Z'; // "+00:00" at the end becomes "Z"
        return written - 5;
    }

    /// <summary>The UTC instant of a FHIR dateTime that has a time and an offset; null otherwise.</summary>
    public static DateTime? ParseInstant(string? value) =>
        value is { Length: > 10 } && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? DateTime.SpecifyKind(at.UtcDateTime, DateTimeKind.Utc)
            : null;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string TimeOfDay(TimeOnly time) => time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');

    public static TimeOnly? ParseTimeOfDay(string? value) =>
        TimeOnly.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    /// <summary>
    /// A row id FHIR needs for a resource we keep inside a row (a red-flag answer, a medicine dose):
    /// derived from the row's id and a name, so it is the same in every export.
    /// </summary>
    public static Guid DerivedId(Guid parent, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(parent.ToString("D") + "/" + name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8 (custom), RFC 9562
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public static string Id(Guid id) => id.ToString("D");

    public static ResourceReference Ref(string type, Guid id) => new($"{type}/{Id(id)}");

    /// <summary>The id of a relative reference "Type/id", when it is of that type.</summary>
    public static Guid? RefId(ResourceReference? reference, string type)
    {
        var text = reference?.Reference;
        return text is not null && text.StartsWith(type + "/", StringComparison.Ordinal) && Guid.TryParse(text.AsSpan(type.Length + 1), out var id)
            ? id
            : null;
    }

    public static string AreaText(int bits) =>
        string.Join(", ", BodyMap.FromBits(bits).Select(a => $"{a.Side.ToString().ToLowerInvariant()} {BodyMap.Label(a.Region).ToLowerInvariant()}"));

    /// <summary>Body-map bits back from SNOMED region codings with laterality; an unknown code is named in <paramref name="unknown"/>.</summary>
    public static int AreaBits(IEnumerable<Coding> codings, out string? unknown)
    {
        unknown = null;
        var areas = new List<BodyArea>();
        foreach (var coding in codings)
        {
            var region = RegionCodes.FirstOrDefault(r => coding.System == Snomed && r.Value.Code == coding.Code);
            var lateral = coding.Extension.FirstOrDefault(e => e.Url == Url(X.Laterality))?.Value as Coding;
            var side = SideCodes.FirstOrDefault(s => lateral?.Code == s.Value.Code);
            if (region.Value.Code is null || side.Value.Code is null)
            {
                unknown ??= $"{coding.System}|{coding.Code}";
                continue;
            }
            areas.Add(new BodyArea(region.Key, side.Key));
        }
        return BodyMap.ToBits(areas);
    }

    public static Coding Kind(string kind) => new(Systems.RecordKind, kind);

    public static bool HasKind(CodeableConcept? concept, string kind) =>
        concept?.Coding.Any(c => c.System == Systems.RecordKind && c.Code == kind) == true;
}
