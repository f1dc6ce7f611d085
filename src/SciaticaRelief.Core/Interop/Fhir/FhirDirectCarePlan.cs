using System.Text.Json;
using SciaticaRelief.Core.Plans;
using static SciaticaRelief.Core.Interop.Fhir.ReliefFhir;

namespace SciaticaRelief.Core.Interop.Fhir;

/// <summary>
/// The plan's CarePlan written straight to JSON, as the hot shapes are (FhirDirectWriter.cs): one
/// resource, but it carries every completion of every plan item — a daily item is 365 completions a
/// year — and Firely's converter spent more on it than on all other resources it still writes. The
/// tests' reference mapping builds it with Firely's classes and the exactness test compares the two.
/// </summary>
public sealed partial class FhirExporter
{
    internal sealed record DirectCarePlan(ExportRows Rows);

    private static readonly DirectType TCarePlan = new("CarePlan");

    private static readonly JsonEncodedText NActivity = JsonEncodedText.Encode("activity");
    private static readonly JsonEncodedText NBoundsPeriod = JsonEncodedText.Encode("boundsPeriod");
    private static readonly JsonEncodedText NCount = JsonEncodedText.Encode("count");
    private static readonly JsonEncodedText NDayOfWeek = JsonEncodedText.Encode("dayOfWeek");
    private static readonly JsonEncodedText NDescription = JsonEncodedText.Encode("description");
    private static readonly JsonEncodedText NDetail = JsonEncodedText.Encode("detail");
    private static readonly JsonEncodedText NDuration = JsonEncodedText.Encode("duration");
    private static readonly JsonEncodedText NDurationUnit = JsonEncodedText.Encode("durationUnit");
    private static readonly JsonEncodedText NFrequency = JsonEncodedText.Encode("frequency");
    private static readonly JsonEncodedText NIntent = JsonEncodedText.Encode("intent");
    private static readonly JsonEncodedText NKind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText NLocation = JsonEncodedText.Encode("location");
    private static readonly JsonEncodedText NOutcomeReference = JsonEncodedText.Encode("outcomeReference");
    private static readonly JsonEncodedText NPeriod = JsonEncodedText.Encode("period");
    private static readonly JsonEncodedText NPeriodUnit = JsonEncodedText.Encode("periodUnit");
    private static readonly JsonEncodedText NRepeat = JsonEncodedText.Encode("repeat");
    private static readonly JsonEncodedText NScheduledTiming = JsonEncodedText.Encode("scheduledTiming");
    private static readonly JsonEncodedText NTimeOfDay = JsonEncodedText.Encode("timeOfDay");
    private static readonly JsonEncodedText NTitle = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText NValueDate = JsonEncodedText.Encode("valueDate");
    private static readonly JsonEncodedText UAssignedByTherapist = JsonEncodedText.Encode(Url(X.AssignedByTherapist));
    private static readonly JsonEncodedText UCompletedAt = JsonEncodedText.Encode(Url(X.CompletedAt));
    private static readonly JsonEncodedText UCompletion = JsonEncodedText.Encode(Url(X.Completion));
    private static readonly JsonEncodedText UId = JsonEncodedText.Encode(Url(X.Id));
    private static readonly JsonEncodedText UIntervalWeeks = JsonEncodedText.Encode(Url(X.IntervalWeeks));
    private static readonly JsonEncodedText UModality = JsonEncodedText.Encode(Url(X.Modality));
    private static readonly JsonEncodedText UOccurrenceDate = JsonEncodedText.Encode(Url(X.OccurrenceDate));
    private static readonly JsonEncodedText UPlanItemId = JsonEncodedText.Encode(Url(X.PlanItemId));
    private static readonly JsonEncodedText URecurrence = JsonEncodedText.Encode(Url(X.Recurrence));
    private static readonly JsonEncodedText UReminderMinutesBefore = JsonEncodedText.Encode(Url(X.ReminderMinutesBefore));
    private static readonly JsonEncodedText USequence = JsonEncodedText.Encode(Url(X.Sequence));
    private static readonly JsonEncodedText UTitle = JsonEncodedText.Encode(Url(X.Title));
    private static readonly JsonEncodedText UTreatment = JsonEncodedText.Encode(Url(X.Treatment));

    /// <summary>FHIR's days-of-week codes, Sunday first as <see cref="DayOfWeek"/> counts.</summary>
    private static readonly string[] DayCodes = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private static void WriteCarePlan(Utf8JsonWriter w, ExportRows rows, Guid person)
    {
        StartEntry(w, TCarePlan, DerivedId(person, "care-plan"));
        w.WriteString(NStatus, "active");
        w.WriteString(NIntent, "plan");
        w.WriteString(NTitle, "Plan");
        Reference(w, NSubject, TPatient, person);
        var completions = rows.PlanCompletions.ToLookup(c => c.PlanItemId);
        w.WriteStartArray(NActivity);
        foreach (var item in rows.PlanItems)
        {
            WriteActivity(w, item, [.. completions[item.Id]]);
        }
        w.WriteEndArray();
        EndEntry(w);
    }

    private static void WriteActivity(Utf8JsonWriter w, SavedPlanItem item, List<PlanCompletion> completions)
    {
        w.WriteStartObject();
        w.WriteStartArray(NExtension);
        ExtensionString(w, UPlanItemId, Id(item.Id));
        ExtensionCode(w, UTimeZone, item.ZoneId);
        ExtensionString(w, UTitle, item.Title);
        ExtensionCode(w, UModality, item.ModalityId);
        ExtensionCode(w, URecurrence, item.RecurrenceKind.ToString());
        ExtensionInteger(w, UIntervalWeeks, item.IntervalWeeks);
        ExtensionInteger(w, UReminderMinutesBefore, item.ReminderMinutesBefore);
        foreach (var point in item.Points)
        {
            ExtensionCode(w, UPoint, point);
        }
        ExtensionString(w, UAssignedByTherapist, item.AssignedByTherapistId is { } t ? Id(t) : null);
        ExtensionInteger(w, USequence, item.Sequence);
        ExtensionDateTime(w, UCreatedAt, item.CreatedAtUtc);
        ExtensionDateTime(w, UUpdatedAt, item.UpdatedAtUtc);
        ExtensionInteger(w, URecordVersion, item.Version);
        foreach (var c in completions)
        {
            w.WriteStartObject();
            w.WriteStartArray(NExtension);
            w.WriteStartObject();
            w.WriteString(NUrl, UId);
            WriteIdText(w, NValueString, [], c.Id);
            w.WriteEndObject();
            w.WriteStartObject();
            w.WriteString(NUrl, UOccurrenceDate);
            w.WriteString(NValueDate, Date(c.OccurrenceDate));
            w.WriteEndObject();
            w.WriteStartObject();
            w.WriteString(NUrl, UCompletedAt);
            WriteInstant(w, NValueDateTime, c.CompletedAtUtc, item.ZoneId);
            w.WriteEndObject();
            if (c.TreatmentId is { } treatment)
            {
                w.WriteStartObject();
                w.WriteString(NUrl, UTreatment);
                Reference(w, NValueReference, TProcedure, treatment);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString(NUrl, UCompletion);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (completions.Any(c => c.TreatmentId is not null))
        {
            w.WriteStartArray(NOutcomeReference);
            foreach (var c in completions)
            {
                if (c.TreatmentId is { } treatment)
                {
                    Reference(w, null, TProcedure, treatment);
                }
            }
            w.WriteEndArray();
        }
        w.WriteStartObject(NDetail);
        w.WriteString(NKind, "Appointment");
        var label = item.Kind.Label();
        Concept(w, NCode, Systems.PlanItemKind, item.Kind.ToString(), label, item.Title ?? label);
        w.WriteString(NStatus, "scheduled");
        w.WriteStartObject(NScheduledTiming);
        WriteRepeat(w, item);
        w.WriteEndObject();
        if (!string.IsNullOrEmpty(item.Place))
        {
            w.WriteStartObject(NLocation);
            w.WriteString(NDisplay, item.Place);
            w.WriteEndObject();
        }
        if (!string.IsNullOrEmpty(item.TherapistName))
        {
            w.WriteStartArray(NPerformer);
            w.WriteStartObject();
            w.WriteString(NDisplay, item.TherapistName);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        if (!string.IsNullOrEmpty(item.Instructions))
        {
            w.WriteString(NDescription, item.Instructions);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteRepeat(Utf8JsonWriter w, SavedPlanItem item)
    {
        w.WriteStartObject(NRepeat);
        w.WriteStartObject(NBoundsPeriod);
        w.WriteString(NStart, Date(item.StartDate));
        if (item.EndDate is { } end)
        {
            w.WriteString(NEnd, Date(end));
        }
        w.WriteEndObject();
        if (item.RecurrenceKind == RecurrenceKind.None)
        {
            w.WriteNumber(NCount, 1);
        }
        w.WriteNumber(NDuration, item.DurationMinutes);
        w.WriteString(NDurationUnit, "min");
        if (item.RecurrenceKind is RecurrenceKind.Daily or RecurrenceKind.Weekly or RecurrenceKind.EveryNWeeks)
        {
            w.WriteNumber(NFrequency, 1);
            w.WriteNumber(NPeriod, item.RecurrenceKind == RecurrenceKind.Daily ? 1 : item.IntervalWeeks);
            w.WriteString(NPeriodUnit, item.RecurrenceKind == RecurrenceKind.Daily ? "d" : "wk");
        }
        if (item.Days != 0)
        {
            w.WriteStartArray(NDayOfWeek);
            for (var day = 0; day < DayCodes.Length; day++)
            {
                if ((item.Days & (1 << day)) != 0)
                {
                    w.WriteStringValue(DayCodes[day]);
                }
            }
            w.WriteEndArray();
        }
        w.WriteStartArray(NTimeOfDay);
        w.WriteStringValue(TimeOfDay(item.TimeOfDay));
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
