using System.Text.Json;
using System.Globalization;
using System.Text;
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
/// its converter cost ~40 times what System.Text.Json spends on the same rows. The tests hold the same
/// mapping built with Firely's classes (FhirReferenceMapping) and read every entry back with Firely to
/// compare it exactly; the import round trip checks every field comes back.
/// </summary>
public sealed partial class FhirExporter
{
    internal sealed record DirectRedFlags(TriageAssessment Assessment, string? Zone, Guid Id);

    /// <summary>A triage, with the id of its red-flag answers' Observation when it has answers (derived by a hash: once).</summary>
    internal sealed record DirectTriage(TriageAssessment Assessment, string? Zone, Guid? RedFlagsId);

    internal sealed record DirectDose(Treatment Treatment, int Index);

    internal sealed record DirectFollowUp(TreatmentFollowUp FollowUp, string? Zone);

    // Property names and URLs encoded once: the writer then copies bytes instead of transcoding and escaping each time.
    private static readonly JsonEncodedText NActor = JsonEncodedText.Encode("actor");
    private static readonly JsonEncodedText NBasis = JsonEncodedText.Encode("basis");
    private static readonly JsonEncodedText NBodySite = JsonEncodedText.Encode("bodySite");
    private static readonly JsonEncodedText NCategory = JsonEncodedText.Encode("category");
    private static readonly JsonEncodedText NCode = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText NCoding = JsonEncodedText.Encode("coding");
    private static readonly JsonEncodedText NComponent = JsonEncodedText.Encode("component");
    private static readonly JsonEncodedText NDisplay = JsonEncodedText.Encode("display");
    private static readonly JsonEncodedText NDosage = JsonEncodedText.Encode("dosage");
    private static readonly JsonEncodedText NDoseAndRate = JsonEncodedText.Encode("doseAndRate");
    private static readonly JsonEncodedText NDoseQuantity = JsonEncodedText.Encode("doseQuantity");
    private static readonly JsonEncodedText NEffectiveDateTime = JsonEncodedText.Encode("effectiveDateTime");
    private static readonly JsonEncodedText NEnd = JsonEncodedText.Encode("end");
    private static readonly JsonEncodedText NExtension = JsonEncodedText.Encode("extension");
    private static readonly JsonEncodedText NFullUrl = JsonEncodedText.Encode("fullUrl");
    private static readonly JsonEncodedText NId = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText NMedicationCodeableConcept = JsonEncodedText.Encode("medicationCodeableConcept");
    private static readonly JsonEncodedText NNote = JsonEncodedText.Encode("note");
    private static readonly JsonEncodedText NOccurrenceDateTime = JsonEncodedText.Encode("occurrenceDateTime");
    private static readonly JsonEncodedText NOutcome = JsonEncodedText.Encode("outcome");
    private static readonly JsonEncodedText NPartOf = JsonEncodedText.Encode("partOf");
    private static readonly JsonEncodedText NPerformedDateTime = JsonEncodedText.Encode("performedDateTime");
    private static readonly JsonEncodedText NPerformedPeriod = JsonEncodedText.Encode("performedPeriod");
    private static readonly JsonEncodedText NPerformer = JsonEncodedText.Encode("performer");
    private static readonly JsonEncodedText NPrediction = JsonEncodedText.Encode("prediction");
    private static readonly JsonEncodedText NRationale = JsonEncodedText.Encode("rationale");
    private static readonly JsonEncodedText NReference = JsonEncodedText.Encode("reference");
    private static readonly JsonEncodedText NResource = JsonEncodedText.Encode("resource");
    private static readonly JsonEncodedText NResourceType = JsonEncodedText.Encode("resourceType");
    private static readonly JsonEncodedText NStart = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText NStatus = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText NSubject = JsonEncodedText.Encode("subject");
    private static readonly JsonEncodedText NSystem = JsonEncodedText.Encode("system");
    private static readonly JsonEncodedText NText = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText NUnit = JsonEncodedText.Encode("unit");
    private static readonly JsonEncodedText NUrl = JsonEncodedText.Encode("url");
    private static readonly JsonEncodedText NValue = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText NValueBoolean = JsonEncodedText.Encode("valueBoolean");
    private static readonly JsonEncodedText NValueCode = JsonEncodedText.Encode("valueCode");
    private static readonly JsonEncodedText NValueCodeableConcept = JsonEncodedText.Encode("valueCodeableConcept");
    private static readonly JsonEncodedText NValueCoding = JsonEncodedText.Encode("valueCoding");
    private static readonly JsonEncodedText NValueDateTime = JsonEncodedText.Encode("valueDateTime");
    private static readonly JsonEncodedText NValueInteger = JsonEncodedText.Encode("valueInteger");
    private static readonly JsonEncodedText NValueQuantity = JsonEncodedText.Encode("valueQuantity");
    private static readonly JsonEncodedText NValueReference = JsonEncodedText.Encode("valueReference");
    private static readonly JsonEncodedText NValueString = JsonEncodedText.Encode("valueString");
    private static readonly JsonEncodedText UTimeZone = JsonEncodedText.Encode(TimeZoneUrl);
    private static readonly JsonEncodedText UAssessmentSource = JsonEncodedText.Encode(Url(X.AssessmentSource));
    private static readonly JsonEncodedText UBruiseAreas = JsonEncodedText.Encode(Url(X.BruiseAreas));
    private static readonly JsonEncodedText UBruising = JsonEncodedText.Encode(Url(X.Bruising));
    private static readonly JsonEncodedText UCheckIn = JsonEncodedText.Encode(Url(X.CheckIn));
    private static readonly JsonEncodedText UCreatedAt = JsonEncodedText.Encode(Url(X.CreatedAt));
    private static readonly JsonEncodedText UDoseIndex = JsonEncodedText.Encode(Url(X.DoseIndex));
    private static readonly JsonEncodedText UFeeling = JsonEncodedText.Encode(Url(X.Feeling));
    private static readonly JsonEncodedText UFiredRules = JsonEncodedText.Encode(Url(X.FiredRules));
    private static readonly JsonEncodedText UHoursAfter = JsonEncodedText.Encode(Url(X.HoursAfter));
    private static readonly JsonEncodedText UIntensity = JsonEncodedText.Encode(Url(X.Intensity));
    private static readonly JsonEncodedText ULaterality = JsonEncodedText.Encode(Url(X.Laterality));
    private static readonly JsonEncodedText UPainAfter = JsonEncodedText.Encode(Url(X.PainAfter));
    private static readonly JsonEncodedText UPainBefore = JsonEncodedText.Encode(Url(X.PainBefore));
    private static readonly JsonEncodedText UPoint = JsonEncodedText.Encode(Url(X.Point));
    private static readonly JsonEncodedText UPointPressed = JsonEncodedText.Encode(Url(X.PointPressed));
    private static readonly JsonEncodedText UPressure = JsonEncodedText.Encode(Url(X.Pressure));
    private static readonly JsonEncodedText UProduct = JsonEncodedText.Encode(Url(X.Product));
    private static readonly JsonEncodedText URadiation = JsonEncodedText.Encode(Url(X.Radiation));
    private static readonly JsonEncodedText URecordVersion = JsonEncodedText.Encode(Url(X.RecordVersion));
    private static readonly JsonEncodedText USeconds = JsonEncodedText.Encode(Url(X.Seconds));
    private static readonly JsonEncodedText USeeDoctorToday = JsonEncodedText.Encode(Url(X.SeeDoctorToday));
    private static readonly JsonEncodedText USideEffectSign = JsonEncodedText.Encode(Url(X.SideEffectSign));
    private static readonly JsonEncodedText USoreness = JsonEncodedText.Encode(Url(X.Soreness));
    private static readonly JsonEncodedText UUpdatedAt = JsonEncodedText.Encode(Url(X.UpdatedAt));

    private const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

    // Fragments that depend only on their key, written once (JsonFragments): most of an export's bytes.
    private static readonly JsonFragments<long> AnswerSets = new(WriteAnswerSet);
    private static readonly JsonFragments<BodyArea> AreaCodings = new(WriteAreaCoding);
    private static readonly JsonFragments<(string Code, string Text)> ComponentCodes = new(
        static (w, k) => Concept(w, null, Systems.CheckInComponent, k.Code, k.Text, null));
    private static readonly JsonFragments<PainQuality> QualityComponents = new(
        static (w, q) => ConceptComponent(w, "quality", "Pain quality", Systems.PainQuality, q.ToString(), FlagLists.Label(q)));
    private static readonly JsonFragments<Trigger> TriggerComponents = new(
        static (w, t) => ConceptComponent(w, "trigger", "Made worse by", Systems.Trigger, t.ToString(), FlagLists.Label(t)));

    /// <summary>A check-in's body site: the codings of its marked areas and their text, keyed by the body-map bits.</summary>
    private static readonly JsonFragments<int> BodySites = new(static (w, bits) =>
    {
        w.WriteStartObject();
        w.WriteStartArray(NCoding);
        foreach (var area in BodyMap.FromBits(bits))
        {
            WriteAreaCoding(w, area);
        }
        w.WriteEndArray();
        w.WriteString(NText, AreaText(bits));
        w.WriteEndObject();
    });

    /// <summary>Every check-in's category and code (the key is unused).</summary>
    private static readonly JsonFragments<int> CheckInCategory = new(static (w, _) =>
    {
        w.WriteStartArray();
        Concept(w, null, ObservationCategory, "survey", "Survey", null);
        Concept(w, null, Systems.RecordKind, Kinds.CheckIn, null, null);
        w.WriteEndArray();
    });

    private static readonly JsonFragments<int> CheckInCode = new(
        static (w, _) => Concept(w, null, Loinc, PainSeverityCode, PainSeverityDisplay, "Pain now (0-10)"));

    private void WriteDirect(Utf8JsonWriter w, object entry, Guid person)
    {
        switch (entry)
        {
            case CheckIn c:
                WriteCheckIn(w, c, person);
                break;
            case DirectRedFlags r:
                WriteRedFlags(w, r.Assessment, r.Zone, r.Id, person);
                break;
            case DirectTriage t:
                WriteRiskAssessment(w, t.Assessment, t.Zone, t.RedFlagsId, person);
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
            case DirectCarePlan p:
                WriteCarePlan(w, p.Rows, person);
                break;
            default:
                throw new ArgumentException("Not an export entry: " + entry.GetType().Name, nameof(entry));
        }
    }

    /// <summary>A resource type's name and the prefixes of its full URL and of a reference to it, as UTF-8.</summary>
    private sealed class DirectType(string name)
    {
        public JsonEncodedText Name { get; } = JsonEncodedText.Encode(name);

        public byte[] FullUrlPrefix { get; } = Encoding.UTF8.GetBytes($"{ReliefFhir.Base}/{name}/");

        public byte[] ReferencePrefix { get; } = Encoding.UTF8.GetBytes(name + "/");
    }

    private static readonly DirectType TObservation = new("Observation");
    private static readonly DirectType TPatient = new("Patient");
    private static readonly DirectType TProcedure = new("Procedure");
    private static readonly DirectType TRiskAssessment = new("RiskAssessment");
    private static readonly DirectType TMedicationStatement = new("MedicationStatement");

    /// <summary>{"fullUrl": ..., "resource": {"resourceType": ..., "id": ...: the caller writes the rest and <see cref="EndEntry"/>.</summary>
    private static void StartEntry(Utf8JsonWriter w, DirectType type, Guid id)
    {
        w.WriteStartObject();
        WriteIdText(w, NFullUrl, type.FullUrlPrefix, id);
        w.WriteStartObject(NResource);
        w.WriteString(NResourceType, type.Name);
        WriteIdText(w, NId, [], id);
    }

    /// <summary>A prefix and an id as one string value, formatted into a stack buffer rather than a new string.</summary>
    private static void WriteIdText(Utf8JsonWriter w, JsonEncodedText name, ReadOnlySpan<byte> prefix, Guid id)
    {
        Span<byte> text = stackalloc byte[prefix.Length + 36];
        prefix.CopyTo(text);
        id.TryFormat(text[prefix.Length..], out _, "D");
        w.WriteString(name, text);
    }

    private static void EndEntry(Utf8JsonWriter w)
    {
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteCheckIn(Utf8JsonWriter w, CheckIn c, Guid person)
    {
        StartEntry(w, TObservation, c.Id);
        w.WriteStartArray(NExtension);
        ExtensionCode(w, UTimeZone, c.TimeZoneId);
        ExtensionCode(w, URadiation, c.Radiation.ToString());
        ExtensionDateTime(w, UCreatedAt, c.CreatedAtUtc);
        ExtensionDateTime(w, UUpdatedAt, c.UpdatedAtUtc);
        ExtensionInteger(w, URecordVersion, c.Version);
        w.WriteEndArray();
        w.WriteString(NStatus, "final");
        CheckInCategory.Write(w, NCategory, 0);
        CheckInCode.Write(w, NCode, 0);
        Reference(w, NSubject, TPatient, person);
        WriteInstant(w, NEffectiveDateTime, c.OccurredAtUtc, c.TimeZoneId);
        w.WriteNumber(NValueInteger, c.PainNow);
        Note(w, c.Notes);
        if (c.BodyAreas != 0)
        {
            BodySites.Write(w, NBodySite, c.BodyAreas);
        }
        var components = c.PainWorst is not null || c.PainAverage is not null || c.SleepHours is not null || c.Stress is not null || c.Qualities != 0 || c.Triggers != 0;
        if (components)
        {
            w.WriteStartArray(NComponent);
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
                ComponentCodes.Write(w, NCode, ("sleep-hours", "Hours slept"));
                w.WriteStartObject(NValueQuantity);
                w.WriteNumber(NValue, (decimal)sleep);
                w.WriteString(NUnit, "hours");
                w.WriteString(NSystem, Ucum);
                w.WriteString(NCode, "h");
                w.WriteEndObject();
                w.WriteEndObject();
            }
            if (c.Stress is { } stress)
            {
                IntegerComponent(w, "stress", "Stress (0-10)", stress);
            }
            foreach (var q in FlagLists.Split(c.Qualities))
            {
                QualityComponents.Write(w, q);
            }
            foreach (var t in FlagLists.Split(c.Triggers))
            {
                TriggerComponents.Write(w, t);
            }
            w.WriteEndArray();
        }
        EndEntry(w);
    }

    /// <summary>A body-map area as a SNOMED coding with its laterality (<see cref="AreaCodings"/>).</summary>
    private static void AreaCoding(Utf8JsonWriter w, BodyArea area) => AreaCodings.Write(w, area);

    private static void WriteAreaCoding(Utf8JsonWriter w, BodyArea area)
    {
        var (code, display) = RegionCodes[area.Region];
        var (sideCode, sideDisplay) = SideCodes[area.Side];
        w.WriteStartObject();
        w.WriteStartArray(NExtension);
        w.WriteStartObject();
        w.WriteString(NUrl, ULaterality);
        Coding(w, NValueCoding, Snomed, sideCode, sideDisplay);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString(NSystem, Snomed);
        w.WriteString(NCode, code);
        w.WriteString(NDisplay, display);
        w.WriteEndObject();
    }

    private static void Note(Utf8JsonWriter w, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            w.WriteStartArray(NNote);
            w.WriteStartObject();
            w.WriteString(NText, text);
            w.WriteEndObject();
            w.WriteEndArray();
        }
    }

    private void WriteProcedure(Utf8JsonWriter w, Treatment t, Guid person)
    {
        var modality = modalities.Find(t.ModalityId);
        StartEntry(w, TProcedure, t.Id);
        w.WriteStartArray(NExtension);
        ExtensionCode(w, UTimeZone, t.TimeZoneId);
        ExtensionInteger(w, UPainBefore, t.PainBefore);
        ExtensionInteger(w, UPainAfter, t.PainAfter);
        ExtensionInteger(w, UPressure, t.Pressure);
        ExtensionInteger(w, UIntensity, t.Intensity);
        ExtensionCode(w, UBruising, t.Bruising.ToString());
        if (t.BruiseAreas != 0)
        {
            w.WriteStartObject();
            w.WriteString(NUrl, UBruiseAreas);
            w.WriteStartObject(NValueCodeableConcept);
            w.WriteStartArray(NCoding);
            foreach (var area in BodyMap.FromBits(t.BruiseAreas))
            {
                AreaCoding(w, area);
            }
            w.WriteEndArray();
            w.WriteString(NText, AreaText(t.BruiseAreas));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        ExtensionInteger(w, USoreness, t.Soreness);
        foreach (var sign in FlagLists.Split(t.Signs))
        {
            ExtensionCode(w, USideEffectSign, sign.ToString());
        }
        foreach (var point in t.Points)
        {
            w.WriteStartObject();
            w.WriteStartArray(NExtension);
            ExtensionCode(w, UPoint, point.Point);
            ExtensionCode(w, UFeeling, point.Feeling.ToString());
            ExtensionInteger(w, USeconds, point.Seconds);
            w.WriteEndArray();
            w.WriteString(NUrl, UPointPressed);
            w.WriteEndObject();
        }
        ExtensionDateTime(w, UCreatedAt, t.CreatedAtUtc);
        ExtensionDateTime(w, UUpdatedAt, t.UpdatedAtUtc);
        ExtensionInteger(w, URecordVersion, t.Version);
        w.WriteEndArray();
        if (t.EarSeedApplicationId is { } seeds)
        {
            w.WriteStartArray(NPartOf);
            Reference(w, null, TProcedure, seeds);
            w.WriteEndArray();
        }
        w.WriteString(NStatus, "completed");
        Concept(w, NCategory, Systems.TreatmentKind, t.Kind.ToString(), TreatmentKinds.Label(t.Kind), null);
        Concept(w, NCode, Systems.Modality, t.ModalityId, modality?.Name, modality?.Name ?? t.ModalityId);
        Reference(w, NSubject, TPatient, person);
        if (t.DurationMinutes is { } minutes)
        {
            w.WriteStartObject(NPerformedPeriod);
            WriteInstant(w, NStart, t.StartedAtUtc, t.TimeZoneId);
            WriteInstant(w, NEnd, t.StartedAtUtc.AddMinutes(minutes), t.TimeZoneId);
            w.WriteEndObject();
        }
        else
        {
            WriteInstant(w, NPerformedDateTime, t.StartedAtUtc, t.TimeZoneId);
        }
        if (!string.IsNullOrEmpty(t.Therapist))
        {
            w.WriteStartArray(NPerformer);
            w.WriteStartObject();
            w.WriteStartObject(NActor);
            w.WriteString(NDisplay, t.Therapist);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }
        if (t.BodyAreas != 0)
        {
            w.WriteStartArray(NBodySite);
            foreach (var area in BodyMap.FromBits(t.BodyAreas))
            {
                w.WriteStartObject();
                w.WriteStartArray(NCoding);
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
        StartEntry(w, TMedicationStatement, DerivedId(t.Id, "dose/" + index.ToString(CultureInfo.InvariantCulture)));
        w.WriteStartArray(NExtension);
        ExtensionInteger(w, UDoseIndex, index);
        if (!string.IsNullOrEmpty(dose.Product))
        {
            w.WriteStartObject();
            w.WriteString(NUrl, UProduct);
            w.WriteString(NValueString, dose.Product);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray(NPartOf);
        Reference(w, null, TProcedure, t.Id);
        w.WriteEndArray();
        w.WriteString(NStatus, "completed");
        Concept(w, NMedicationCodeableConcept, Systems.Ingredient, dose.Ingredient, null, dose.Product ?? dose.Ingredient);
        Reference(w, NSubject, TPatient, person);
        WriteInstant(w, NEffectiveDateTime, t.StartedAtUtc, t.TimeZoneId);
        w.WriteStartArray(NDosage);
        w.WriteStartObject();
        w.WriteStartArray(NDoseAndRate);
        w.WriteStartObject();
        w.WriteStartObject(NDoseQuantity);
        w.WriteNumber(NValue, dose.Milligrams);
        w.WriteString(NUnit, "mg");
        w.WriteString(NSystem, Ucum);
        w.WriteString(NCode, "mg");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        EndEntry(w);
    }

    private static void WriteFollowUp(Utf8JsonWriter w, TreatmentFollowUp f, string? zone, Guid person)
    {
        StartEntry(w, TObservation, f.Id);
        w.WriteStartArray(NExtension);
        ExtensionInteger(w, UHoursAfter, f.HoursAfter);
        w.WriteEndArray();
        w.WriteStartArray(NPartOf);
        Reference(w, null, TProcedure, f.TreatmentId);
        w.WriteEndArray();
        w.WriteString(NStatus, "final");
        w.WriteStartArray(NCategory);
        Concept(w, null, Systems.RecordKind, Kinds.FollowUp, null, null);
        w.WriteEndArray();
        Concept(w, NCode, Loinc, PainSeverityCode, PainSeverityDisplay, $"Pain {f.HoursAfter.ToString(CultureInfo.InvariantCulture)} hours after the treatment (0-10)");
        Reference(w, NSubject, TPatient, person);
        WriteInstant(w, NEffectiveDateTime, f.RecordedAtUtc, zone);
        w.WriteNumber(NValueInteger, f.Pain);
        Note(w, f.Notes);
        EndEntry(w);
    }

    private static void IntegerComponent(Utf8JsonWriter w, string code, string text, int value)
    {
        w.WriteStartObject();
        ComponentCodes.Write(w, NCode, (code, text));
        w.WriteNumber(NValueInteger, value);
        w.WriteEndObject();
    }

    private static void ConceptComponent(Utf8JsonWriter w, string code, string text, string system, string valueCode, string? valueDisplay)
    {
        w.WriteStartObject();
        Concept(w, NCode, Systems.CheckInComponent, code, text, null);
        Concept(w, NValueCodeableConcept, system, valueCode, valueDisplay, null);
        w.WriteEndObject();
    }

    private static void WriteRedFlagComponent(Utf8JsonWriter w, (string Question, Answer Answer) key)
    {
        var question = RedFlagQuestions.TryParse(key.Question, out var q) ? RedFlagQuestions.Get(q).Text : null;
        var (code, display) = AnswerCodes[key.Answer];
        w.WriteStartObject();
        Concept(w, NCode, Systems.RedFlagQuestion, key.Question, question, question);
        Concept(w, NValueCodeableConcept, Loinc, code, display, null);
        w.WriteEndObject();
    }

    /// <summary>The known red-flag question ids in ordinal order: the order a triage's answers are written in.</summary>
    private static readonly string[] QuestionIds = [.. RedFlagQuestions.All.Select(q => q.Id).Order(StringComparer.Ordinal)];

    /// <summary>
    /// A triage's answers as one number, two bits a known question (0 unanswered, else the answer + 1) in
    /// <see cref="QuestionIds"/> order, so the components of the same answers are one cached fragment;
    /// null when an answer is to a question this version does not know.
    /// </summary>
    private static long? AnswersKey(Dictionary<string, Answer> answers)
    {
        if (QuestionIds.Length > 31)
        {
            return null;
        }
        long key = 0;
        var found = 0;
        for (var i = 0; i < QuestionIds.Length; i++)
        {
            if (answers.TryGetValue(QuestionIds[i], out var answer))
            {
                key |= ((long)answer + 1) << (2 * i);
                found++;
            }
        }
        return found == answers.Count ? key : null;
    }

    private static void WriteAnswerSet(Utf8JsonWriter w, long key)
    {
        w.WriteStartArray();
        for (var i = 0; i < QuestionIds.Length; i++)
        {
            if (((key >> (2 * i)) & 3) is var bits and not 0)
            {
                WriteRedFlagComponent(w, (QuestionIds[i], (Answer)(bits - 1)));
            }
        }
        w.WriteEndArray();
    }

    private static void WriteRedFlags(Utf8JsonWriter w, TriageAssessment a, string? zone, Guid id, Guid person)
    {
        StartEntry(w, TObservation, id);
        w.WriteString(NStatus, "final");
        RedFlagsCategory.Write(w, NCategory, 0);
        RedFlagsCode.Write(w, NCode, 0);
        Reference(w, NSubject, TPatient, person);
        WriteInstant(w, NEffectiveDateTime, a.AssessedAtUtc, zone);
        if (AnswersKey(a.Answers) is { } key)
        {
            AnswerSets.Write(w, NComponent, key);
        }
        else
        {
            w.WriteStartArray(NComponent);
            foreach (var answer in a.Answers.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                WriteRedFlagComponent(w, (answer.Key, answer.Value));
            }
            w.WriteEndArray();
        }
        EndEntry(w);
    }

    private static void WriteRiskAssessment(Utf8JsonWriter w, TriageAssessment a, string? zone, Guid? redFlagsId, Guid person)
    {
        StartEntry(w, TRiskAssessment, a.Id);
        w.WriteStartArray(NExtension);
        if (a.CheckInId is { } checkIn)
        {
            w.WriteStartObject();
            w.WriteString(NUrl, UCheckIn);
            Reference(w, NValueReference, TObservation, checkIn);
            w.WriteEndObject();
        }
        if (a.FiredRules.Length > 0)
        {
            FiredRulesExtensions.Write(w, a.FiredRules);
        }
        SeeDoctorTodayExtensions.Write(w, a.SeeDoctorToday);
        SourceExtensions.Write(w, a.Source);
        w.WriteEndArray();
        w.WriteString(NStatus, "final");
        TriageCode.Write(w, NCode, 0);
        Reference(w, NSubject, TPatient, person);
        WriteInstant(w, NOccurrenceDateTime, a.AssessedAtUtc, zone);
        if (redFlagsId is not null || a.CheckInId is not null)
        {
            w.WriteStartArray(NBasis);
            if (redFlagsId is { } answers)
            {
                Reference(w, null, TObservation, answers);
            }
            if (a.CheckInId is { } basis)
            {
                Reference(w, null, TObservation, basis);
            }
            w.WriteEndArray();
        }
        Predictions.Write(w, NPrediction, (a.Level, a.FiredRules));
        EndEntry(w);
    }

    private static readonly JsonFragments<string> FiredRulesExtensions = new(static (w, rules) =>
    {
        w.WriteStartObject();
        w.WriteString(NUrl, UFiredRules);
        w.WriteString(NValueString, rules);
        w.WriteEndObject();
    });

    private static readonly JsonFragments<bool> SeeDoctorTodayExtensions = new(static (w, today) =>
    {
        w.WriteStartObject();
        w.WriteString(NUrl, USeeDoctorToday);
        w.WriteBoolean(NValueBoolean, today);
        w.WriteEndObject();
    });

    private static readonly JsonFragments<AssessmentSource> SourceExtensions = new(static (w, source) =>
    {
        w.WriteStartObject();
        w.WriteString(NUrl, UAssessmentSource);
        w.WriteString(NValueCode, source.ToString());
        w.WriteEndObject();
    });

    private static readonly JsonFragments<int> TriageCode = new(
        static (w, _) => Concept(w, null, Systems.RecordKind, "triage", "Red-flag triage", "Red-flag triage"));

    /// <summary>A triage's prediction: its level and the rules that fired.</summary>
    private static readonly JsonFragments<(TriageLevel Level, string Rules)> Predictions = new(static (w, key) =>
    {
        w.WriteStartArray();
        w.WriteStartObject();
        var level = key.Level.WireName();
        Concept(w, NOutcome, Systems.TriageLevel, key.Level.ToString(), level, level);
        if (key.Rules.Length > 0)
        {
            w.WriteString(NRationale, "Rules: " + key.Rules);
        }
        w.WriteEndObject();
        w.WriteEndArray();
    });

    private static readonly JsonFragments<int> RedFlagsCategory = new(static (w, _) =>
    {
        w.WriteStartArray();
        Concept(w, null, Systems.RecordKind, Kinds.RedFlagAnswer, null, null);
        w.WriteEndArray();
    });

    private static readonly JsonFragments<int> RedFlagsCode = new(
        static (w, _) => Concept(w, null, Systems.RecordKind, Kinds.RedFlagAnswer, "Red-flag answers", "Red-flag answers"));

    /// <summary>A CodeableConcept of one coding, as a property (<paramref name="name"/>) or an array item (null).</summary>
    private static void Concept(Utf8JsonWriter w, JsonEncodedText? name, string system, string code, string? display, string? text)
    {
        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name.Value);
        }
        w.WriteStartArray(NCoding);
        Coding(w, null, system, code, display);
        w.WriteEndArray();
        if (text is not null)
        {
            w.WriteString(NText, text);
        }
        w.WriteEndObject();
    }

    private static void Coding(Utf8JsonWriter w, JsonEncodedText? name, string system, string code, string? display)
    {
        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name.Value);
        }
        w.WriteString(NSystem, system);
        w.WriteString(NCode, code);
        if (display is not null)
        {
            w.WriteString(NDisplay, display);
        }
        w.WriteEndObject();
    }

    private static void Reference(Utf8JsonWriter w, JsonEncodedText? name, DirectType type, Guid id)
    {
        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name.Value);
        }
        WriteIdText(w, NReference, type.ReferencePrefix, id);
        w.WriteEndObject();
    }

    private static void ExtensionCode(Utf8JsonWriter w, JsonEncodedText url, string? code) => ExtensionText(w, url, NValueCode, code);

    private static void ExtensionString(Utf8JsonWriter w, JsonEncodedText url, string? value) => ExtensionText(w, url, NValueString, value);

    /// <summary>An extension with a code or string value; none when the value is empty.</summary>
    private static void ExtensionText(Utf8JsonWriter w, JsonEncodedText url, JsonEncodedText valueName, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        w.WriteStartObject();
        w.WriteString(NUrl, url);
        w.WriteString(valueName, value);
        w.WriteEndObject();
    }

    private static void ExtensionDateTime(Utf8JsonWriter w, JsonEncodedText url, DateTime utc)
    {
        w.WriteStartObject();
        w.WriteString(NUrl, url);
        WriteInstant(w, NValueDateTime, utc, null);
        w.WriteEndObject();
    }

    private static void WriteInstant(Utf8JsonWriter w, JsonEncodedText name, DateTime utc, string? zone)
    {
        Span<byte> text = stackalloc byte[InstantMaxBytes];
        w.WriteString(name, text[..FormatInstant(utc, zone, text)]);
    }

    private static void ExtensionInteger(Utf8JsonWriter w, JsonEncodedText url, int? value)
    {
        if (value is not { } v)
        {
            return;
        }
        w.WriteStartObject();
        w.WriteString(NUrl, url);
        w.WriteNumber(NValueInteger, v);
        w.WriteEndObject();
    }
}
