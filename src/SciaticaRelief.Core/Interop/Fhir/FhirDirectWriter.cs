using System.Text.Json;
using System.Globalization;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Triage;
using static SciaticaRelief.Core.Interop.Fhir.ReliefFhir;

namespace SciaticaRelief.Core.Interop.Fhir;

/// <summary>
/// The hot shapes of the export — a check-in's Observation, a triage's red-flag answers Observation and
/// its RiskAssessment, a treatment's Procedure, its doses' MedicationStatements and its follow-ups'
/// Observations, nearly all of a typical export's resources — written straight from the rows
/// with the <see cref="Utf8JsonWriter"/>, in FHIR's element order: building Firely's classes and running
/// its converter cost ~40 times what System.Text.Json spends on the same rows. They are the same
/// resources the reference mapping (<see cref="Resources"/>: ToObservation, ToRedFlagObservation,
/// ToRiskAssessment, ToProcedure, ToMedicationStatement) builds: a test reads both back with Firely and
/// compares them exactly.
/// </summary>
public sealed partial class FhirExporter
{
    private sealed record DirectRedFlags(TriageAssessment Assessment, string? Zone);

    private sealed record DirectTriage(TriageAssessment Assessment, string? Zone);

    private sealed record DirectDose(Treatment Treatment, int Index);

    private sealed record DirectFollowUp(TreatmentFollowUp FollowUp, string? Zone);

    private const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

    private void WriteDirect(Utf8JsonWriter w, object entry, Guid person)
    {
        switch (entry)
        {
            case CheckIn c:
                WriteCheckIn(w, c, person);
                break;
            case DirectRedFlags r:
                WriteRedFlags(w, r.Assessment, r.Zone, person);
                break;
            case DirectTriage t:
                WriteRiskAssessment(w, t.Assessment, t.Zone, person);
                break;
            case Treatment t:
                WriteProcedure(w, t, person);
                break;
            case DirectDose d:
                WriteMedicationStatement(w, d.Treatment, d.Index, person);
                break;
            case DirectFollowUp f:
                WriteFollowUp(w, f.FollowUp, f.Zone, person);
                break;
            default:
                throw new ArgumentException("Not an export entry: " + entry.GetType().Name, nameof(entry));
        }
    }

    /// <summary>{"fullUrl": ..., "resource": {"resourceType": ..., "id": ...: the caller writes the rest and <see cref="EndEntry"/>.</summary>
    private static void StartEntry(Utf8JsonWriter w, string type, Guid id)
    {
        var text = Id(id);
        w.WriteStartObject();
        w.WriteString("fullUrl", $"{ReliefFhir.Base}/{type}/{text}");
        w.WriteStartObject("resource");
        w.WriteString("resourceType", type);
        w.WriteString("id", text);
    }

    private static void EndEntry(Utf8JsonWriter w)
    {
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteCheckIn(Utf8JsonWriter w, CheckIn c, Guid person)
    {
        StartEntry(w, "Observation", c.Id);
        w.WriteStartArray("extension");
        ExtensionCode(w, TimeZoneUrl, c.TimeZoneId);
        ExtensionCode(w, Url(X.Radiation), c.Radiation.ToString());
        ExtensionDateTime(w, Url(X.CreatedAt), InstantText(c.CreatedAtUtc));
        ExtensionDateTime(w, Url(X.UpdatedAt), InstantText(c.UpdatedAtUtc));
        ExtensionInteger(w, Url(X.RecordVersion), c.Version);
        w.WriteEndArray();
        w.WriteString("status", "final");
        w.WriteStartArray("category");
        Concept(w, null, ObservationCategory, "survey", "Survey", null);
        Concept(w, null, Systems.RecordKind, Kinds.CheckIn, null, null);
        w.WriteEndArray();
        Concept(w, "code", Loinc, PainSeverityCode, PainSeverityDisplay, "Pain now (0-10)");
        Reference(w, "subject", "Patient", person);
        w.WriteString("effectiveDateTime", InstantText(c.OccurredAtUtc, c.TimeZoneId));
        w.WriteNumber("valueInteger", c.PainNow);
        Note(w, c.Notes);
        if (c.BodyAreas != 0)
        {
            w.WriteStartObject("bodySite");
            w.WriteStartArray("coding");
            foreach (var area in BodyMap.FromBits(c.BodyAreas))
            {
                AreaCoding(w, area);
            }
            w.WriteEndArray();
            w.WriteString("text", AreaText(c.BodyAreas));
            w.WriteEndObject();
        }
        var components = c.PainWorst is not null || c.PainAverage is not null || c.SleepHours is not null || c.Stress is not null || c.Qualities != 0 || c.Triggers != 0;
        if (components)
        {
            w.WriteStartArray("component");
            if (c.PainWorst is { } worst)
            {
                IntegerComponent(w, "pain-worst", "Worst pain (0-10)", worst);
            }
            if (c.PainAverage is { } average)
            {
                IntegerComponent(w, "pain-average", "Average pain (0-10)", average);
            }
            if (c.SleepHours is { } sleep)
            {
                w.WriteStartObject();
                Concept(w, "code", Systems.CheckInComponent, "sleep-hours", "Hours slept", null);
                w.WriteStartObject("valueQuantity");
                w.WriteNumber("value", (decimal)sleep);
                w.WriteString("unit", "hours");
                w.WriteString("system", Ucum);
                w.WriteString("code", "h");
                w.WriteEndObject();
                w.WriteEndObject();
            }
            if (c.Stress is { } stress)
            {
                IntegerComponent(w, "stress", "Stress (0-10)", stress);
            }
            foreach (var q in FlagLists.Split(c.Qualities))
            {
                ConceptComponent(w, "quality", "Pain quality", Systems.PainQuality, q.ToString(), FlagLists.Label(q));
            }
            foreach (var t in FlagLists.Split(c.Triggers))
            {
                ConceptComponent(w, "trigger", "Made worse by", Systems.Trigger, t.ToString(), FlagLists.Label(t));
            }
            w.WriteEndArray();
        }
        EndEntry(w);
    }

    /// <summary>A body-map area as a SNOMED coding with its laterality (<see cref="AreaCodings"/>).</summary>
    private static void AreaCoding(Utf8JsonWriter w, BodyArea area)
    {
        var (code, display) = RegionCodes[area.Region];
        var (sideCode, sideDisplay) = SideCodes[area.Side];
        w.WriteStartObject();
        w.WriteStartArray("extension");
        w.WriteStartObject();
        w.WriteString("url", Url(X.Laterality));
        Coding(w, "valueCoding", Snomed, sideCode, sideDisplay);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("system", Snomed);
        w.WriteString("code", code);
        w.WriteString("display", display);
        w.WriteEndObject();
    }

    private static void Note(Utf8JsonWriter w, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            w.WriteStartArray("note");
            w.WriteStartObject();
            w.WriteString("text", text);
            w.WriteEndObject();
            w.WriteEndArray();
        }
    }

    private void WriteProcedure(Utf8JsonWriter w, Treatment t, Guid person)
    {
        var modality = modalities.Find(t.ModalityId);
        StartEntry(w, "Procedure", t.Id);
        w.WriteStartArray("extension");
        ExtensionCode(w, TimeZoneUrl, t.TimeZoneId);
        ExtensionInteger(w, Url(X.PainBefore), t.PainBefore);
        ExtensionInteger(w, Url(X.PainAfter), t.PainAfter);
        ExtensionInteger(w, Url(X.Pressure), t.Pressure);
        ExtensionInteger(w, Url(X.Intensity), t.Intensity);
        ExtensionCode(w, Url(X.Bruising), t.Bruising.ToString());
        if (t.BruiseAreas != 0)
        {
            w.WriteStartObject();
            w.WriteString("url", Url(X.BruiseAreas));
            w.WriteStartObject("valueCodeableConcept");
            w.WriteStartArray("coding");
            foreach (var area in BodyMap.FromBits(t.BruiseAreas))
            {
                AreaCoding(w, area);
            }
            w.WriteEndArray();
            w.WriteString("text", AreaText(t.BruiseAreas));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        ExtensionInteger(w, Url(X.Soreness), t.Soreness);
        foreach (var sign in FlagLists.Split(t.Signs))
        {
            ExtensionCode(w, Url(X.SideEffectSign), sign.ToString());
        }
        foreach (var point in t.Points)
        {
            w.WriteStartObject();
            w.WriteStartArray("extension");
            ExtensionCode(w, Url(X.Point), point.Point);
            ExtensionCode(w, Url(X.Feeling), point.Feeling.ToString());
            ExtensionInteger(w, Url(X.Seconds), point.Seconds);
            w.WriteEndArray();
            w.WriteString("url", Url(X.PointPressed));
            w.WriteEndObject();
        }
        ExtensionDateTime(w, Url(X.CreatedAt), InstantText(t.CreatedAtUtc));
        ExtensionDateTime(w, Url(X.UpdatedAt), InstantText(t.UpdatedAtUtc));
        ExtensionInteger(w, Url(X.RecordVersion), t.Version);
        w.WriteEndArray();
        if (t.EarSeedApplicationId is { } seeds)
        {
            w.WriteStartArray("partOf");
            Reference(w, null, "Procedure", seeds);
            w.WriteEndArray();
        }
        w.WriteString("status", "completed");
        Concept(w, "category", Systems.TreatmentKind, t.Kind.ToString(), TreatmentKinds.Label(t.Kind), null);
        Concept(w, "code", Systems.Modality, t.ModalityId, modality?.Name, modality?.Name ?? t.ModalityId);
        Reference(w, "subject", "Patient", person);
        if (t.DurationMinutes is { } minutes)
        {
            w.WriteStartObject("performedPeriod");
            w.WriteString("start", InstantText(t.StartedAtUtc, t.TimeZoneId));
            w.WriteString("end", InstantText(t.StartedAtUtc.AddMinutes(minutes), t.TimeZoneId));
            w.WriteEndObject();
        }
        else
        {
            w.WriteString("performedDateTime", InstantText(t.StartedAtUtc, t.TimeZoneId));
        }
        if (!string.IsNullOrEmpty(t.Therapist))
        {
            w.WriteStartArray("performer");
            w.WriteStartObject();
            w.WriteStartObject("actor");
            w.WriteString("display", t.Therapist);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }
        if (t.BodyAreas != 0)
        {
            w.WriteStartArray("bodySite");
            foreach (var area in BodyMap.FromBits(t.BodyAreas))
            {
                w.WriteStartObject();
                w.WriteStartArray("coding");
                AreaCoding(w, area);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        Note(w, t.Notes);
        EndEntry(w);
    }

    private static void WriteMedicationStatement(Utf8JsonWriter w, Treatment t, int index, Guid person)
    {
        var dose = t.Doses[index];
        StartEntry(w, "MedicationStatement", DerivedId(t.Id, "dose/" + index.ToString(CultureInfo.InvariantCulture)));
        w.WriteStartArray("extension");
        ExtensionInteger(w, Url(X.DoseIndex), index);
        if (!string.IsNullOrEmpty(dose.Product))
        {
            w.WriteStartObject();
            w.WriteString("url", Url(X.Product));
            w.WriteString("valueString", dose.Product);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("partOf");
        Reference(w, null, "Procedure", t.Id);
        w.WriteEndArray();
        w.WriteString("status", "completed");
        Concept(w, "medicationCodeableConcept", Systems.Ingredient, dose.Ingredient, null, dose.Product ?? dose.Ingredient);
        Reference(w, "subject", "Patient", person);
        w.WriteString("effectiveDateTime", InstantText(t.StartedAtUtc, t.TimeZoneId));
        w.WriteStartArray("dosage");
        w.WriteStartObject();
        w.WriteStartArray("doseAndRate");
        w.WriteStartObject();
        w.WriteStartObject("doseQuantity");
        w.WriteNumber("value", dose.Milligrams);
        w.WriteString("unit", "mg");
        w.WriteString("system", Ucum);
        w.WriteString("code", "mg");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        EndEntry(w);
    }

    private static void WriteFollowUp(Utf8JsonWriter w, TreatmentFollowUp f, string? zone, Guid person)
    {
        StartEntry(w, "Observation", f.Id);
        w.WriteStartArray("extension");
        ExtensionInteger(w, Url(X.HoursAfter), f.HoursAfter);
        w.WriteEndArray();
        w.WriteStartArray("partOf");
        Reference(w, null, "Procedure", f.TreatmentId);
        w.WriteEndArray();
        w.WriteString("status", "final");
        w.WriteStartArray("category");
        Concept(w, null, Systems.RecordKind, Kinds.FollowUp, null, null);
        w.WriteEndArray();
        Concept(w, "code", Loinc, PainSeverityCode, PainSeverityDisplay, $"Pain {f.HoursAfter.ToString(CultureInfo.InvariantCulture)} hours after the treatment (0-10)");
        Reference(w, "subject", "Patient", person);
        w.WriteString("effectiveDateTime", InstantText(f.RecordedAtUtc, zone));
        w.WriteNumber("valueInteger", f.Pain);
        Note(w, f.Notes);
        EndEntry(w);
    }

    private static void IntegerComponent(Utf8JsonWriter w, string code, string text, int value)
    {
        w.WriteStartObject();
        Concept(w, "code", Systems.CheckInComponent, code, text, null);
        w.WriteNumber("valueInteger", value);
        w.WriteEndObject();
    }

    private static void ConceptComponent(Utf8JsonWriter w, string code, string text, string system, string valueCode, string? valueDisplay)
    {
        w.WriteStartObject();
        Concept(w, "code", Systems.CheckInComponent, code, text, null);
        Concept(w, "valueCodeableConcept", system, valueCode, valueDisplay, null);
        w.WriteEndObject();
    }

    private static void WriteRedFlags(Utf8JsonWriter w, TriageAssessment a, string? zone, Guid person)
    {
        StartEntry(w, "Observation", RedFlagsId(a.Id));
        w.WriteString("status", "final");
        w.WriteStartArray("category");
        Concept(w, null, Systems.RecordKind, Kinds.RedFlagAnswer, null, null);
        w.WriteEndArray();
        Concept(w, "code", Systems.RecordKind, Kinds.RedFlagAnswer, "Red-flag answers", "Red-flag answers");
        Reference(w, "subject", "Patient", person);
        w.WriteString("effectiveDateTime", InstantText(a.AssessedAtUtc, zone));
        w.WriteStartArray("component");
        foreach (var (questionId, answer) in a.Answers.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var question = RedFlagQuestions.TryParse(questionId, out var q) ? RedFlagQuestions.Get(q).Text : null;
            var (code, display) = AnswerCodes[answer];
            w.WriteStartObject();
            Concept(w, "code", Systems.RedFlagQuestion, questionId, question, question);
            Concept(w, "valueCodeableConcept", Loinc, code, display, null);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        EndEntry(w);
    }

    private static void WriteRiskAssessment(Utf8JsonWriter w, TriageAssessment a, string? zone, Guid person)
    {
        StartEntry(w, "RiskAssessment", a.Id);
        w.WriteStartArray("extension");
        if (a.CheckInId is { } checkIn)
        {
            w.WriteStartObject();
            w.WriteString("url", Url(X.CheckIn));
            Reference(w, "valueReference", "Observation", checkIn);
            w.WriteEndObject();
        }
        if (a.FiredRules.Length > 0)
        {
            w.WriteStartObject();
            w.WriteString("url", Url(X.FiredRules));
            w.WriteString("valueString", a.FiredRules);
            w.WriteEndObject();
        }
        w.WriteStartObject();
        w.WriteString("url", Url(X.SeeDoctorToday));
        w.WriteBoolean("valueBoolean", a.SeeDoctorToday);
        w.WriteEndObject();
        ExtensionCode(w, Url(X.AssessmentSource), a.Source.ToString());
        w.WriteEndArray();
        w.WriteString("status", "final");
        Concept(w, "code", Systems.RecordKind, "triage", "Red-flag triage", "Red-flag triage");
        Reference(w, "subject", "Patient", person);
        w.WriteString("occurrenceDateTime", InstantText(a.AssessedAtUtc, zone));
        if (a.Answers.Count > 0 || a.CheckInId is not null)
        {
            w.WriteStartArray("basis");
            if (a.Answers.Count > 0)
            {
                Reference(w, null, "Observation", RedFlagsId(a.Id));
            }
            if (a.CheckInId is { } basis)
            {
                Reference(w, null, "Observation", basis);
            }
            w.WriteEndArray();
        }
        w.WriteStartArray("prediction");
        w.WriteStartObject();
        var level = a.Level.WireName();
        Concept(w, "outcome", Systems.TriageLevel, a.Level.ToString(), level, level);
        if (a.FiredRules.Length > 0)
        {
            w.WriteString("rationale", "Rules: " + a.FiredRules);
        }
        w.WriteEndObject();
        w.WriteEndArray();
        EndEntry(w);
    }

    /// <summary>A CodeableConcept of one coding, as a property (<paramref name="name"/>) or an array item (null).</summary>
    private static void Concept(Utf8JsonWriter w, string? name, string system, string code, string? display, string? text)
    {
        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name);
        }
        w.WriteStartArray("coding");
        Coding(w, null, system, code, display);
        w.WriteEndArray();
        if (text is not null)
        {
            w.WriteString("text", text);
        }
        w.WriteEndObject();
    }

    private static void Coding(Utf8JsonWriter w, string? name, string system, string code, string? display)
    {
        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name);
        }
        w.WriteString("system", system);
        w.WriteString("code", code);
        if (display is not null)
        {
            w.WriteString("display", display);
        }
        w.WriteEndObject();
    }

    private static void Reference(Utf8JsonWriter w, string? name, string type, Guid id)
    {
        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name);
        }
        w.WriteString("reference", $"{type}/{Id(id)}");
        w.WriteEndObject();
    }

    private static void ExtensionCode(Utf8JsonWriter w, string url, string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return;
        }
        w.WriteStartObject();
        w.WriteString("url", url);
        w.WriteString("valueCode", code);
        w.WriteEndObject();
    }

    private static void ExtensionDateTime(Utf8JsonWriter w, string url, string value)
    {
        w.WriteStartObject();
        w.WriteString("url", url);
        w.WriteString("valueDateTime", value);
        w.WriteEndObject();
    }

    private static void ExtensionInteger(Utf8JsonWriter w, string url, int? value)
    {
        if (value is not { } v)
        {
            return;
        }
        w.WriteStartObject();
        w.WriteString("url", url);
        w.WriteNumber("valueInteger", v);
        w.WriteEndObject();
    }
}
