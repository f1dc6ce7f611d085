using System.Text.Json.Serialization;
using SciaticaRelief.Core.Insights;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Core.Reports;

/// <summary>
/// The report a Person takes to a doctor, for one period of local days: the figures only (the
/// writers word them as the insights do, never as cause). Built by <see cref="DoctorReportBuilder"/>.
/// </summary>
/// <param name="From">The period's first local day.</param>
/// <param name="To">The period's last local day.</param>
/// <param name="TimeZoneId">The Person's IANA zone: every day in the report is a local day there.</param>
/// <param name="GeneratedAtUtc">When the report was made.</param>
/// <param name="HasData">False when the period has no check-in, treatment, symptom check or questionnaire.</param>
public sealed record DoctorReport(
    DateOnly From,
    DateOnly To,
    string TimeZoneId,
    DateTime GeneratedAtUtc,
    bool HasData,
    PainSection Pain,
    RadiationSection Radiation,
    IReadOnlyList<RedFlagEntry> RedFlags,
    IReadOnlyList<ScoreEntry> Scores,
    IReadOnlyList<TreatmentEntry> Treatments,
    IReadOnlyList<MedicineEntry> Medicines,
    IReadOnlyList<PlanEntry> Plan);

/// <summary>One local day of the pain course.</summary>
/// <param name="Pain">The day's pain (<see cref="DailySeries"/>: mean of "pain now", 2 decimals).</param>
/// <param name="Trend">The 7-day rolling mean (<see cref="DailySeries"/>).</param>
/// <param name="Worst">The highest "worst pain" given that day (or "pain now" where none was given).</param>
/// <param name="Average">The mean of the "average pain" values given that day, 2 decimals; null when none was.</param>
/// <param name="Radiation">How far down the pain reached that day.</param>
public sealed record ReportDay(DateOnly Date, double Pain, double Trend, int Worst, double? Average, Radiation Radiation, int CheckIns);

/// <summary>The pain course over the period.</summary>
/// <param name="MeanPain">The mean of the days' pain, 2 decimals; null without check-ins.</param>
/// <param name="FirstWeekMean">Mean "pain now" of the check-ins in the period's first 7 days, 2 decimals.</param>
/// <param name="LastWeekMean">Mean "pain now" of the check-ins in the period's last 7 days, 2 decimals.</param>
/// <param name="ImportantImprovement">
/// Whether the last week is at least 30% below the first (<see cref="Progress.NoProgress"/>,
/// the clinically important change); null when the period is shorter than 2 weeks or either week has no check-in.
/// </param>
public sealed record PainSection(
    IReadOnlyList<ReportDay> Days,
    int CheckIns,
    double? MeanPain,
    ReportDay? Best,
    ReportDay? Worst,
    double? FirstWeekMean,
    double? LastWeekMean,
    bool? ImportantImprovement,
    Adherence CheckInDays);

/// <summary>How far down the leg the pain reached.</summary>
/// <param name="Latest">The furthest reach on the last day with the body map filled in.</param>
/// <param name="Furthest">The furthest reach on any day of the period.</param>
/// <param name="Trend">The insights' 4-weeks-against-4-weeks comparison, ending on the period's last day.</param>
public sealed record RadiationSection(Radiation? Latest, DateOnly? LatestDate, Radiation? Furthest, RadiationTrend Trend);

/// <summary>A symptom check in the period at which a red-flag rule fired.</summary>
/// <param name="Date">The local day of the check.</param>
/// <param name="Reasons">The fired rules' plain text (<see cref="TriageRules"/>), most serious first.</param>
public sealed record RedFlagEntry(DateOnly Date, DateTime AtUtc, TriageLevel Level, bool SeeDoctorToday,
    [property: JsonConverter(typeof(JsonStringEnumConverter<AssessmentSource>))] AssessmentSource Source, IReadOnlyList<string> RuleIds, IReadOnlyList<string> Reasons);

/// <summary>The latest score of one questionnaire at the end of the period, with its band.</summary>
/// <param name="Score">As people read it ("32%", "7").</param>
/// <param name="Band">The band's label; null when the instrument has no bands.</param>
/// <param name="Earlier">The first score in the period when it is not the latest: what it was then.</param>
/// <param name="Change">Latest against <paramref name="Earlier"/>, judged by the instrument's important change.</param>
public sealed record ScoreEntry(
    string InstrumentId,
    string Title,
    DateOnly Date,
    decimal Value,
    string Score,
    string? Band,
    string? Earlier,
    DateOnly? EarlierDate,
    Questionnaires.ChangeFromBaseline? Change,
    int Responses);

/// <summary>A modality tried in the period and its figures (<see cref="TreatmentEffects"/>).</summary>
public sealed record TreatmentEntry(string ModalityId, string Name, int Count, DateOnly First, DateOnly Last, ModalityEffect? Effect);

/// <summary>One ingredient taken in the period.</summary>
/// <param name="TotalMilligrams">Every dose in the period added up.</param>
/// <param name="DaysTaken">Local days with at least one dose.</param>
/// <param name="MostInADay">The highest total of one local day.</param>
public sealed record MedicineEntry(string Ingredient, string Name, int Doses, int DaysTaken, decimal TotalMilligrams, decimal MostInADay, DateOnly First, DateOnly Last);

/// <summary>A plan item in force at the end of the period.</summary>
/// <param name="Title">The Person's title, or the kind's default title.</param>
/// <param name="Recurrence">How it repeats (the writers word it).</param>
public sealed record PlanEntry(Guid Id, PlanItemKind Kind, string Title, Recurrence Recurrence, TimeOnly TimeOfDay, DateOnly StartDate, DateOnly? EndDate, string? Place, string? TherapistName);
