using System.Globalization;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using SciaticaRelief.Core.Interop.Imports;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Triage;
using static SciaticaRelief.Core.Interop.Fhir.ReliefFhir;
using FhirQuestionnaireResponse = Hl7.Fhir.Model.QuestionnaireResponse;
using RowResponse = SciaticaRelief.Core.Questionnaires.QuestionnaireResponse;

namespace SciaticaRelief.Core.Interop.Fhir;

/// <summary>
/// Reads our own FHIR export (<see cref="FhirExporter"/>) back into rows, with their original ids, so
/// moving to another install gives back the same data. Consents are not imported: the Therapist they
/// name is an account of the exporting install and does not exist here (a skip with that reason).
/// A Patient (the profile) and the Questionnaires (definitions this install has) are not rows to import.
/// </summary>
public sealed class FhirImportReader : IImportReader
{
    public const string ConsentSkipReason = "a sharing grant names a Therapist of the install it came from, who has no account here: share again from Sharing";
    public const string PatientSkipReason = "the profile is not imported: set yours in Profile";

    public string Format => ImportFormats.ReliefFhir;

    public string DisplayName => "Sciatica Relief export (FHIR R4)";

    public bool Recognises(ReadOnlySpan<byte> head, string fileName)
    {
        var text = Encoding.UTF8.GetString(head);
        return text.Contains("\"Bundle\"", StringComparison.Ordinal) && text.Contains(ExportTagSystem, StringComparison.Ordinal);
    }

    public ImportSet Read(Stream stream, ImportChoices choices, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var set = new ImportSet();
        Resource? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<Resource>(stream, FhirExporter.Options);
        }
        catch (DeserializationFailedException e)
        {
            foreach (var issue in e.Exceptions.Take(ImportLimits.MaxErrors))
            {
                set.Errors.Add(new ImportError("file", null, "not valid FHIR R4 JSON: " + issue.Message));
            }
            if (set.Errors.Count == 0)
            {
                set.Errors.Add(new ImportError("file", null, "not valid FHIR R4 JSON: " + e.Message));
            }
            return set;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            set.Errors.Add(new ImportError("file", null, "not valid FHIR JSON (is the file complete?): " + e.Message));
            return set;
        }
        if (parsed is not Bundle bundle)
        {
            set.Errors.Add(new ImportError("file", "resourceType", $"expected a Bundle, the file holds a {parsed?.TypeName ?? "nothing"}."));
            return set;
        }
        new Mapper(set).Map(bundle, ct);
        return set;
    }

    private sealed class Mapper(ImportSet set)
    {
        private readonly Dictionary<string, Observation> _redFlags = new(StringComparer.Ordinal);
        private readonly Dictionary<Guid, List<(int Index, MedicineDose Dose)>> _doses = [];
        private string _where = "";

        public void Map(Bundle bundle, CancellationToken ct)
        {
            var entries = bundle.Entry.Select((e, i) => (Entry: e, Index: i + 1)).ToList();
            // Red-flag answers and medicine doses live inside their parent rows: collect them first.
            foreach (var (entry, index) in entries)
            {
                _where = Where(entry, index);
                switch (entry.Resource)
                {
                    case Observation o when HasCategory(o, Kinds.RedFlagAnswer):
                        _redFlags[$"Observation/{o.Id}"] = o;
                        break;
                    case MedicationStatement m:
                        Dose(m);
                        break;
                }
            }
            foreach (var (entry, index) in entries)
            {
                ct.ThrowIfCancellationRequested();
                if (set.Errors.Count >= ImportLimits.MaxErrors)
                {
                    return;
                }
                _where = Where(entry, index);
                switch (entry.Resource)
                {
                    case null:
                        Error("resource", "the entry has no resource.");
                        break;
                    case Observation o when HasCategory(o, Kinds.CheckIn):
                        CheckIn(o);
                        break;
                    case Observation o when HasCategory(o, Kinds.FollowUp):
                        FollowUp(o);
                        break;
                    case Observation o when HasCategory(o, Kinds.RedFlagAnswer):
                        break;
                    case Observation:
                        Error("category", "an Observation that is neither a check-in, a follow-up nor a red-flag answer of this app.");
                        break;
                    case RiskAssessment r:
                        Triage(r);
                        break;
                    case Procedure p when HasKind(p.Category, Kinds.EarSeedApplication):
                        EarSeeds(p);
                        break;
                    case Procedure p:
                        Treatment(p);
                        break;
                    case MedicationStatement:
                        break;
                    case FhirQuestionnaireResponse q:
                        Response(q);
                        break;
                    case CarePlan c:
                        Plan(c);
                        break;
                    case Consent:
                        set.Skipped.Add(new ImportSkip(_where, ConsentSkipReason));
                        break;
                    case Patient:
                        set.Skipped.Add(new ImportSkip(_where, PatientSkipReason));
                        break;
                    case Hl7.Fhir.Model.Questionnaire:
                        break;
                    case var other:
                        Error("resourceType", $"a {other.TypeName} is not part of a Sciatica Relief export.");
                        break;
                }
            }
        }

        private static string Where(Bundle.EntryComponent entry, int index) =>
            entry.Resource is { } r ? $"entry {index} ({r.TypeName}/{r.Id})" : $"entry {index}";

        private static bool HasCategory(Observation o, string kind) => o.Category.Any(c => HasKind(c, kind));

        private void Error(string? column, string message)
        {
            if (set.Errors.Count < ImportLimits.MaxErrors)
            {
                set.Errors.Add(new ImportError(_where, column, message));
            }
        }

        private static string Key(Resource r) => SourceKeys.For(ImportFormats.ReliefFhir, r.TypeName, r.Id);

        private Guid? RowId(Resource r)
        {
            if (Guid.TryParse(r.Id, out var id) && id != Guid.Empty)
            {
                return id;
            }
            Error("id", "the resource id is not a row id of this app.");
            return null;
        }

        private DateTime Instant(string? value, string column)
        {
            if (ParseInstant(value) is { } at)
            {
                return at;
            }
            Error(column, $"\"{value}\" is not a date and time with an offset.");
            return default;
        }

        private T Enum<T>(string? value, string column) where T : struct, System.Enum
        {
            if (value is not null && System.Enum.TryParse<T>(value, ignoreCase: false, out var v) && System.Enum.IsDefined(v))
            {
                return v;
            }
            Error(column, $"\"{value}\" is not a known {typeof(T).Name}.");
            return default;
        }

        private T Flags<T>(IEnumerable<string?> values, string column) where T : struct, System.Enum =>
            FlagLists.Combine(values.Select(v => Enum<T>(v, column)));

        private int? IntValue(DataType? value, string column)
        {
            switch (value)
            {
                case null:
                    return null;
                case Integer { Value: { } i }:
                    return i;
                default:
                    Error(column, "expected a whole number.");
                    return null;
            }
        }

        private int Areas(IEnumerable<Coding> codings, string column)
        {
            var bits = AreaBits(codings, out var unknown);
            if (unknown is not null)
            {
                Error(column, $"{unknown} is not a body-map region with a laterality.");
            }
            return bits;
        }

        private void CheckIn(Observation o)
        {
            if (RowId(o) is not { } id)
            {
                return;
            }
            var x = o.Extension;
            var row = new CheckIn
            {
                Id = id,
                OccurredAtUtc = Instant((o.Effective as FhirDateTime)?.Value, "effectiveDateTime"),
                TimeZoneId = x.GetZone() ?? "UTC",
                PainNow = IntValue(o.Value, "valueInteger") ?? Missing("valueInteger"),
                BodyAreas = o.BodySite is null ? 0 : Areas(o.BodySite.Coding, "bodySite"),
                Radiation = Enum<Radiation>(x.GetText(X.Radiation), X.Radiation),
                Notes = o.Note.FirstOrDefault()?.Text,
                CreatedAtUtc = x.GetInstant(X.CreatedAt) ?? default,
                UpdatedAtUtc = x.GetInstant(X.UpdatedAt) ?? default,
                Version = x.GetInt(X.RecordVersion) ?? 0,
            };
            var qualities = new List<string?>();
            var triggers = new List<string?>();
            foreach (var c in o.Component)
            {
                var code = c.Code?.Coding.FirstOrDefault(k => k.System == Systems.CheckInComponent)?.Code;
                switch (code)
                {
                    case "pain-worst":
                        row.PainWorst = IntValue(c.Value, "component pain-worst");
                        break;
                    case "pain-average":
                        row.PainAverage = IntValue(c.Value, "component pain-average");
                        break;
                    case "stress":
                        row.Stress = IntValue(c.Value, "component stress");
                        break;
                    case "sleep-hours":
                        row.SleepHours = c.Value is Quantity { Value: { } h } ? (double)h : null;
                        break;
                    case "quality":
                        qualities.Add((c.Value as CodeableConcept)?.Coding.FirstOrDefault(k => k.System == Systems.PainQuality)?.Code);
                        break;
                    case "trigger":
                        triggers.Add((c.Value as CodeableConcept)?.Coding.FirstOrDefault(k => k.System == Systems.Trigger)?.Code);
                        break;
                    default:
                        Error("component", $"\"{code}\" is not a check-in component of this app.");
                        break;
                }
            }
            row.Qualities = Flags<PainQuality>(qualities, "component quality");
            row.Triggers = Flags<Trigger>(triggers, "component trigger");
            row.StampLocalDate();
            set.CheckIns.Add(new ImportedRow<CheckIn>(Key(o), row));
        }

        private int Missing(string column)
        {
            Error(column, "is missing.");
            return 0;
        }

        private void FollowUp(Observation o)
        {
            if (RowId(o) is not { } id)
            {
                return;
            }
            var treatment = o.PartOf.Select(p => RefId(p, "Procedure")).FirstOrDefault(p => p is not null);
            if (treatment is null)
            {
                Error("partOf", "a follow-up must point at its treatment's Procedure.");
                return;
            }
            set.TreatmentFollowUps.Add(new ImportedRow<TreatmentFollowUp>(Key(o), new TreatmentFollowUp
            {
                Id = id,
                TreatmentId = treatment.Value,
                HoursAfter = o.Extension.GetInt(X.HoursAfter) ?? Missing(X.HoursAfter),
                Pain = IntValue(o.Value, "valueInteger") ?? Missing("valueInteger"),
                RecordedAtUtc = Instant((o.Effective as FhirDateTime)?.Value, "effectiveDateTime"),
                Notes = o.Note.FirstOrDefault()?.Text,
            }));
        }

        private void Triage(RiskAssessment r)
        {
            if (RowId(r) is not { } id)
            {
                return;
            }
            var x = r.Extension;
            var level = r.Prediction.FirstOrDefault()?.Outcome?.Coding.FirstOrDefault(c => c.System == Systems.TriageLevel)?.Code;
            var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
            foreach (var basis in r.Basis)
            {
                if (basis.Reference is not { } reference || !_redFlags.TryGetValue(reference, out var o))
                {
                    continue;
                }
                foreach (var component in o.Component)
                {
                    var question = component.Code?.Coding.FirstOrDefault(c => c.System == Systems.RedFlagQuestion)?.Code;
                    var answerCode = (component.Value as CodeableConcept)?.Coding.FirstOrDefault(c => c.System == Loinc)?.Code;
                    var answer = AnswerCodes.FirstOrDefault(a => a.Value.Code == answerCode);
                    if (question is null || answer.Value.Code is null)
                    {
                        Error("basis", $"{reference} has a component that is not a red-flag question with a yes, no or unknown answer.");
                        continue;
                    }
                    answers[question] = answer.Key;
                }
            }
            set.TriageAssessments.Add(new ImportedRow<TriageAssessment>(Key(r), new TriageAssessment
            {
                Id = id,
                AssessedAtUtc = Instant((r.Occurrence as FhirDateTime)?.Value, "occurrenceDateTime"),
                Level = Enum<TriageLevel>(level, "prediction.outcome"),
                FiredRules = x.GetText(X.FiredRules) ?? "",
                Answers = answers,
                SeeDoctorToday = x.GetBool(X.SeeDoctorToday) ?? false,
                Screened = RedFlagQuestions.IsScreened(answers),
                Source = Enum<AssessmentSource>(x.GetText(X.AssessmentSource), X.AssessmentSource),
                CheckInId = RefId(x.Find(X.CheckIn)?.Value as ResourceReference, "Observation"),
            }));
        }

        private void Dose(MedicationStatement m)
        {
            var treatment = m.PartOf.Select(p => RefId(p, "Procedure")).FirstOrDefault(p => p is not null);
            var ingredient = (m.Medication as CodeableConcept)?.Coding.FirstOrDefault(c => c.System == Systems.Ingredient)?.Code;
            var mg = m.Dosage.FirstOrDefault()?.DoseAndRate.FirstOrDefault()?.Dose as Quantity;
            if (treatment is null || ingredient is null || mg?.Value is not { } milligrams || mg.Code != "mg")
            {
                Error("medicationCodeableConcept", "a medicine dose needs its treatment (partOf), an ingredient and a dose in mg.");
                return;
            }
            if (!_doses.TryGetValue(treatment.Value, out var list))
            {
                _doses[treatment.Value] = list = [];
            }
            list.Add((m.Extension.GetInt(X.DoseIndex) ?? list.Count, new MedicineDose(ingredient, m.Extension.GetText(X.Product), milligrams)));
        }

        private void Treatment(Procedure p)
        {
            if (RowId(p) is not { } id)
            {
                return;
            }
            var x = p.Extension;
            var row = new Treatment
            {
                Id = id,
                TimeZoneId = x.GetZone() ?? "UTC",
                ModalityId = p.Code?.Coding.FirstOrDefault(c => c.System == Systems.Modality)?.Code ?? "",
                Kind = Enum<TreatmentKind>(p.Category?.Coding.FirstOrDefault(c => c.System == Systems.TreatmentKind)?.Code, "category"),
                PainBefore = x.GetInt(X.PainBefore),
                PainAfter = x.GetInt(X.PainAfter),
                Therapist = p.Performer.FirstOrDefault()?.Actor?.Display,
                Pressure = x.GetInt(X.Pressure),
                Intensity = x.GetInt(X.Intensity),
                BodyAreas = Areas(p.BodySite.SelectMany(b => b.Coding), "bodySite"),
                Bruising = Enum<BruiseSize>(x.GetText(X.Bruising), X.Bruising),
                BruiseAreas = x.Find(X.BruiseAreas)?.Value is CodeableConcept bruises ? Areas(bruises.Coding, X.BruiseAreas) : 0,
                Soreness = x.GetInt(X.Soreness),
                Signs = Flags<SideEffectSign>(x.All(X.SideEffectSign).Select(e => (e.Value as Code)?.Value), X.SideEffectSign),
                EarSeedApplicationId = p.PartOf.Select(r => RefId(r, "Procedure")).FirstOrDefault(r => r is not null),
                Notes = p.Note.FirstOrDefault()?.Text,
                CreatedAtUtc = x.GetInstant(X.CreatedAt) ?? default,
                UpdatedAtUtc = x.GetInstant(X.UpdatedAt) ?? default,
                Version = x.GetInt(X.RecordVersion) ?? 0,
            };
            if (row.ModalityId.Length == 0)
            {
                Error("code", "a treatment needs its modality's code.");
            }
            switch (p.Performed)
            {
                case FhirDateTime at:
                    row.StartedAtUtc = Instant(at.Value, "performedDateTime");
                    break;
                case Period period:
                    row.StartedAtUtc = Instant(period.Start, "performedPeriod.start");
                    row.DurationMinutes = (int)Math.Round((Instant(period.End, "performedPeriod.end") - row.StartedAtUtc).TotalMinutes);
                    break;
                default:
                    Error("performed", "a treatment needs the time it was done.");
                    break;
            }
            foreach (var e in x.All(X.PointPressed))
            {
                row.Points.Add(new PointPressed(
                    e.Extension.GetText(X.Point) ?? "",
                    Enum<PointFeeling>(e.Extension.GetText(X.Feeling), X.Feeling),
                    e.Extension.GetInt(X.Seconds)));
            }
            if (_doses.TryGetValue(id, out var doses))
            {
                row.Doses = [.. doses.OrderBy(d => d.Index).Select(d => d.Dose)];
            }
            set.Treatments.Add(new ImportedRow<Treatment>(Key(p), row));
        }

        private void EarSeeds(Procedure p)
        {
            if (RowId(p) is not { } id)
            {
                return;
            }
            var x = p.Extension;
            var lateral = p.BodySite.SelectMany(b => b.Coding).FirstOrDefault(c => c.Code == EarCode)?.Extension
                .FirstOrDefault(e => e.Url == Url(X.Laterality))?.Value as Coding;
            var ear = lateral?.Code == SideCodes[Side.Left].Code ? Ear.Left
                : lateral?.Code == SideCodes[Side.Right].Code ? Ear.Right
                : (Ear?)null;
            if (ear is null)
            {
                Error("bodySite", "ear seeds need the left or the right ear.");
            }
            var period = p.Performed as Period;
            set.EarSeedApplications.Add(new ImportedRow<EarSeedApplication>(Key(p), new EarSeedApplication
            {
                Id = id,
                Ear = ear ?? Ear.Left,
                Points = [.. x.All(X.EarPoint).Select(e => (e.Value as Code)?.Value ?? "")],
                AppliedAtUtc = Instant(period?.Start, "performedPeriod.start"),
                RemovedAtUtc = period?.End is { } end ? Instant(end, "performedPeriod.end") : null,
                RemoveByUtc = x.GetInstant(X.RemoveBy) ?? default,
                TimeZoneId = x.GetZone() ?? "UTC",
                Notes = p.Note.FirstOrDefault()?.Text,
                Version = x.GetInt(X.RecordVersion) ?? 0,
            }));
        }

        private void Response(FhirQuestionnaireResponse q)
        {
            if (RowId(q) is not { } id)
            {
                return;
            }
            var x = q.Extension;
            var row = new RowResponse
            {
                Id = id,
                InstrumentId = x.GetText(X.InstrumentId) ?? "",
                InstrumentVersion = x.GetText(X.InstrumentVersion) ?? "",
                AuthoredAtUtc = Instant(q.Authored, "authored"),
                TimeZoneId = x.GetZone() ?? "UTC",
                Score = x.GetDecimal(X.Score),
                Band = x.GetText(X.Band),
                CreatedAtUtc = x.GetInstant(X.CreatedAt) ?? default,
                Version = x.GetInt(X.RecordVersion) ?? 0,
            };
            if (row.InstrumentId.Length == 0)
            {
                Error(X.InstrumentId, "a questionnaire response needs its instrument's id.");
            }
            foreach (var item in q.Item)
            {
                string? code = null;
                int? integer = null;
                bool? boolean = null;
                foreach (var answer in item.Answer)
                {
                    switch (answer.Value)
                    {
                        case Coding c:
                            code = c.Code;
                            break;
                        case Integer { Value: { } i }:
                            integer = i;
                            break;
                        case FhirBoolean { Value: { } b }:
                            boolean = b;
                            break;
                        default:
                            Error("item.answer", $"item '{item.LinkId}' has an answer of a type this app does not use.");
                            break;
                    }
                }
                row.Answers.Add(new Questionnaires.ResponseAnswer(item.LinkId ?? "", code, integer, boolean));
            }
            foreach (var e in x.All(X.Subscore))
            {
                if (e.Extension.GetText(X.Id) is { } name && e.Extension.GetDecimal(X.Value) is { } value)
                {
                    row.Subscores[name] = value;
                }
                else
                {
                    Error(X.Subscore, "a subscore needs an id and a value.");
                }
            }
            set.QuestionnaireResponses.Add(new ImportedRow<RowResponse>(Key(q), row));
        }

        private void Plan(CarePlan plan)
        {
            var index = 0;
            foreach (var activity in plan.Activity)
            {
                index++;
                var x = activity.Extension;
                var detail = activity.Detail;
                if (!Guid.TryParse(x.GetText(X.PlanItemId), out var id) || detail is null)
                {
                    Error($"activity {index}", "a plan activity needs its plan-item id and its detail.");
                    continue;
                }
                var repeat = (detail.Scheduled as Timing)?.Repeat;
                var bounds = repeat?.Bounds as Period;
                var row = new SavedPlanItem
                {
                    Id = id,
                    Kind = Enum<PlanItemKind>(detail.Code?.Coding.FirstOrDefault(c => c.System == Systems.PlanItemKind)?.Code, $"activity {index} code"),
                    Title = x.GetText(X.Title),
                    Place = detail.Location?.Display,
                    TherapistName = detail.Performer.FirstOrDefault()?.Display,
                    ModalityId = x.GetText(X.Modality),
                    StartDate = ParseDate(bounds?.Start) ?? DateMissing($"activity {index} boundsPeriod.start"),
                    EndDate = bounds?.End is { } end ? ParseDate(end) : null,
                    TimeOfDay = ParseTimeOfDay(repeat?.TimeOfDay.FirstOrDefault()) ?? default,
                    DurationMinutes = repeat?.Duration is { } d ? (int)d : 0,
                    RecurrenceKind = Enum<RecurrenceKind>(x.GetText(X.Recurrence), X.Recurrence),
                    IntervalWeeks = x.GetInt(X.IntervalWeeks) ?? 1,
                    Days = (repeat?.DayOfWeek ?? []).Select(FhirExporter.DayOf).Where(w => w is not null).Aggregate(0, (bits, w) => bits | (1 << (int)w!.Value)),
                    ReminderMinutesBefore = x.GetInt(X.ReminderMinutesBefore),
                    ZoneId = x.GetZone() ?? "UTC",
                    Points = [.. x.All(X.Point).Select(e => (e.Value as Code)?.Value ?? "")],
                    Instructions = detail.Description,
                    AssignedByTherapistId = Guid.TryParse(x.GetText(X.AssignedByTherapist), out var t) ? t : null,
                    Sequence = x.GetInt(X.Sequence) ?? 0,
                    CreatedAtUtc = x.GetInstant(X.CreatedAt) ?? default,
                    UpdatedAtUtc = x.GetInstant(X.UpdatedAt) ?? default,
                    Version = x.GetInt(X.RecordVersion) ?? 0,
                };
                set.PlanItems.Add(new ImportedRow<SavedPlanItem>(SourceKeys.For(ImportFormats.ReliefFhir, "CarePlan.activity", Id(id)), row));
                foreach (var c in x.All(X.Completion))
                {
                    if (!Guid.TryParse(c.Extension.GetText(X.Id), out var completionId))
                    {
                        Error($"activity {index} completion", "a completion needs its id.");
                        continue;
                    }
                    set.PlanCompletions.Add(new ImportedRow<PlanCompletion>(SourceKeys.For(ImportFormats.ReliefFhir, "CarePlan.activity.completion", Id(completionId)), new PlanCompletion
                    {
                        Id = completionId,
                        PlanItemId = id,
                        OccurrenceDate = ParseDate((c.Extension.Find(X.OccurrenceDate)?.Value as Hl7.Fhir.Model.Date)?.Value) ?? DateMissing($"activity {index} completion occurrence-date"),
                        CompletedAtUtc = c.Extension.GetInstant(X.CompletedAt) ?? default,
                        TreatmentId = RefId(c.Extension.Find(X.Treatment)?.Value as ResourceReference, "Procedure"),
                    }));
                }
            }
        }

        private DateOnly DateMissing(string column)
        {
            Error(column, "is missing or not a date (yyyy-mm-dd).");
            return default;
        }
    }
}
