using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Questionnaires;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Triage;
using static SciaticaRelief.Core.Interop.Fhir.ReliefFhir;
using FhirQuestionnaireResponse = Hl7.Fhir.Model.QuestionnaireResponse;
using Task = System.Threading.Tasks.Task;

namespace SciaticaRelief.Core.Interop.Fhir;

/// <summary>Everything one Person owns that the FHIR export carries, as stored.</summary>
public sealed record ExportRows(
    Guid PersonId,
    Profile? Profile,
    IReadOnlyList<CheckIn> CheckIns,
    IReadOnlyList<TriageAssessment> TriageAssessments,
    IReadOnlyList<EarSeedApplication> EarSeedApplications,
    IReadOnlyList<Treatment> Treatments,
    IReadOnlyList<TreatmentFollowUp> TreatmentFollowUps,
    IReadOnlyList<Core.Questionnaires.QuestionnaireResponse> QuestionnaireResponses,
    IReadOnlyList<SavedPlanItem> PlanItems,
    IReadOnlyList<PlanCompletion> PlanCompletions,
    IReadOnlyList<Grant> Grants);

/// <summary>
/// A Person's rows as FHIR R4 resources (pure: no database, no clock). Resource ids are our row ids
/// (or derived from them), so two exports of the same data name every resource the same way.
/// Every field a row has travels in a FHIR slot or in one of our extensions, so
/// <see cref="FhirImportReader"/> gives the rows back exactly. Firely's classes stay in here.
/// </summary>
public sealed partial class FhirExporter(ModalityCatalog modalities, InstrumentCatalog instruments)
{
    /// <summary>The serializer's options, built once: building them inspects the whole FHIR model.</summary>
    public static JsonSerializerOptions Options { get; } = new JsonSerializerOptions().ForFhir();

    public const string ContentType = "application/fhir+json";

    /// <summary>
    /// The resources as Firely's classes, lazily, parents before children: Patient, check-ins, triage,
    /// treatments, ... The reference mapping: the export writes the same resources (the hot shapes
    /// directly, see <see cref="WriteDirect"/>), and a test checks the two agree resource by resource.
    /// </summary>
    public IEnumerable<Resource> Resources(ExportRows rows) => Entries(rows, direct: false).Cast<Resource>();

    /// <summary>
    /// The entries in export order: a <see cref="Resource"/>, or, when <paramref name="direct"/>, the row
    /// itself (or a small record of it) for the shapes written straight to JSON.
    /// </summary>
    private IEnumerable<object> Entries(ExportRows rows, bool direct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var patient = rows.PersonId;
        yield return ToPatient(rows.PersonId, rows.Profile);
        var zones = rows.CheckIns.ToDictionary(c => c.Id, c => c.TimeZoneId);
        foreach (var c in rows.CheckIns)
        {
            yield return direct ? c : (object)ToObservation(c, patient);
        }
        foreach (var a in rows.TriageAssessments)
        {
            var zone = a.CheckInId is { } c && zones.TryGetValue(c, out var z) ? z : rows.Profile?.TimeZoneId;
            Guid? redFlagsId = a.Answers.Count > 0 ? RedFlagsId(a.Id) : null;
            if (redFlagsId is { } id)
            {
                yield return direct ? new DirectRedFlags(a, zone, id) : (object)ToRedFlagObservation(a, zone, patient);
            }
            yield return direct ? new DirectTriage(a, zone, redFlagsId) : (object)ToRiskAssessment(a, zone, patient);
        }
        foreach (var e in rows.EarSeedApplications)
        {
            yield return ToProcedure(e, patient);
        }
        var treatmentZones = new Dictionary<Guid, string>();
        foreach (var t in rows.Treatments)
        {
            treatmentZones[t.Id] = t.TimeZoneId;
            yield return direct ? t : (object)ToProcedure(t, patient);
            for (var i = 0; i < t.Doses.Count; i++)
            {
                yield return direct ? new DirectDose(t, i) : (object)ToMedicationStatement(t, i, patient);
            }
        }
        foreach (var f in rows.TreatmentFollowUps)
        {
            var zone = treatmentZones.GetValueOrDefault(f.TreatmentId);
            yield return direct ? new DirectFollowUp(f, zone) : (object)ToObservation(f, zone, patient);
        }
        foreach (var instrumentId in rows.QuestionnaireResponses.Select(r => r.InstrumentId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (instruments.Find(instrumentId) is { CanAnswer: true } instrument)
            {
                yield return FhirQuestionnaireWriter.ToResource(instrument);
            }
        }
        foreach (var r in rows.QuestionnaireResponses)
        {
            yield return ToQuestionnaireResponse(r, patient);
        }
        if (rows.PlanItems.Count > 0)
        {
            yield return direct ? new DirectCarePlan(rows) : ToCarePlan(rows, patient);
        }
        foreach (var g in rows.Grants)
        {
            yield return ToConsent(g, patient);
        }
    }

    /// <summary>
    /// Streams the Bundle (type collection) of a Person's rows to <paramref name="stream"/>, 64 entries at
    /// a time, so a long history is never held as one string. The envelope and the hot shapes
    /// (check-ins, triage, treatments, doses, follow-ups, the CarePlan: see FhirDirectWriter.cs) are written here with the
    /// <see cref="Utf8JsonWriter"/>; every other resource by Firely's converter with <see cref="Options"/>.
    /// </summary>
    public async Task WriteBundleAsync(Stream stream, ExportRows rows, Guid bundleId, DateTimeOffset timestamp, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rows);
        // The synchronous writer fills a buffer; the buffer goes out asynchronously every 64 entries.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        await using var writer = new Utf8JsonWriter(buffer);
        WriteStart(writer, bundleId, timestamp);
        var count = 0;
        foreach (var entry in Entries(rows, direct: true))
        {
            WriteEntry(writer, entry, rows.PersonId);
            if (++count % 64 == 0)
            {
                ct.ThrowIfCancellationRequested();
                await writer.FlushAsync(ct);
                await stream.WriteAsync(buffer.WrittenMemory, ct);
                buffer.ResetWrittenCount();
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(ct);
        await stream.WriteAsync(buffer.WrittenMemory, ct);
        await stream.FlushAsync(ct);
    }

    private static void WriteStart(Utf8JsonWriter writer, Guid bundleId, DateTimeOffset timestamp)
    {
        writer.WriteStartObject();
        writer.WriteString("resourceType", "Bundle");
        writer.WriteString("id", Id(bundleId));
        writer.WriteStartObject("meta");
        writer.WriteStartArray("tag");
        writer.WriteStartObject();
        writer.WriteString("system", ExportTagSystem);
        writer.WriteString("code", ExportTagCode);
        writer.WriteString("display", "Sciatica Relief export");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteString("type", "collection");
        writer.WriteString("timestamp", timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
        writer.WriteStartArray("entry");
    }

    private void WriteEntry(Utf8JsonWriter writer, object entry, Guid person)
    {
        if (entry is Resource resource)
        {
            writer.WriteStartObject();
            writer.WriteString("fullUrl", $"{ReliefFhir.Base}/{resource.TypeName}/{resource.Id}");
            writer.WritePropertyName("resource");
            JsonSerializer.Serialize(writer, resource, resource.GetType(), Options);
            writer.WriteEndObject();
        }
        else
        {
            WriteDirect(writer, entry, person);
        }
    }

    /// <summary>The whole Bundle as UTF-8 bytes (tests, the CLI, the benchmark).</summary>
    public byte[] ToBundleBytes(ExportRows rows, Guid bundleId, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteStart(writer, bundleId, timestamp);
            foreach (var entry in Entries(rows, direct: true))
            {
                WriteEntry(writer, entry, rows.PersonId);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static ResourceReference Subject(Guid person) => Ref("Patient", person);

    private static Patient ToPatient(Guid person, Profile? profile)
    {
        var p = new Patient { Id = Id(person), Active = true };
        if (profile is null)
        {
            return p;
        }
        if (profile.BirthYear is { } year)
        {
            p.BirthDate = year.ToString("D4", CultureInfo.InvariantCulture);
        }
        p.Extension.PutZone(profile.TimeZoneId);
        p.Extension.PutCode(X.RegionCode, profile.RegionCode);
        foreach (var condition in FlagLists.Split(profile.Conditions))
        {
            p.Extension.PutCode(X.Conditions, condition.ToString());
        }
        return p;
    }

    private static Observation ToObservation(CheckIn c, Guid person)
    {
        var o = new Observation
        {
            Id = Id(c.Id),
            Status = ObservationStatus.Final,
            Code = new CodeableConcept(Loinc, PainSeverityCode, PainSeverityDisplay, "Pain now (0-10)"),
            Subject = Subject(person),
            Effective = Instant(c.OccurredAtUtc, c.TimeZoneId),
            Value = new Integer(c.PainNow),
        };
        o.Category.Add(new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey", null));
        o.Category.Add(new CodeableConcept { Coding = [Kind(Kinds.CheckIn)] });
        if (c.BodyAreas != 0)
        {
            o.BodySite = new CodeableConcept { Coding = AreaCodings(c.BodyAreas), Text = AreaText(c.BodyAreas) };
        }
        AddComponent(o, "pain-worst", "Worst pain (0-10)", c.PainWorst is { } w ? new Integer(w) : null);
        AddComponent(o, "pain-average", "Average pain (0-10)", c.PainAverage is { } a ? new Integer(a) : null);
        AddComponent(o, "sleep-hours", "Hours slept", c.SleepHours is { } s ? new Quantity((decimal)s, "h") { System = Ucum, Unit = "hours" } : null);
        AddComponent(o, "stress", "Stress (0-10)", c.Stress is { } st ? new Integer(st) : null);
        foreach (var q in FlagLists.Split(c.Qualities))
        {
            AddComponent(o, "quality", "Pain quality", new CodeableConcept(Systems.PainQuality, q.ToString(), FlagLists.Label(q), null));
        }
        foreach (var t in FlagLists.Split(c.Triggers))
        {
            AddComponent(o, "trigger", "Made worse by", new CodeableConcept(Systems.Trigger, t.ToString(), FlagLists.Label(t), null));
        }
        if (!string.IsNullOrEmpty(c.Notes))
        {
            o.Note.Add(new Annotation { Text = c.Notes });
        }
        o.Extension.PutZone(c.TimeZoneId);
        o.Extension.PutCode(X.Radiation, c.Radiation.ToString());
        o.Extension.PutInstant(X.CreatedAt, c.CreatedAtUtc);
        o.Extension.PutInstant(X.UpdatedAt, c.UpdatedAtUtc);
        o.Extension.PutInt(X.RecordVersion, c.Version);
        return o;
    }

    private static void AddComponent(Observation o, string code, string text, DataType? value)
    {
        if (value is not null)
        {
            o.Component.Add(new Observation.ComponentComponent
            {
                Code = new CodeableConcept(Systems.CheckInComponent, code, text, null),
                Value = value,
            });
        }
    }

    /// <summary>The red-flag answers of one triage: one Observation, a component per question.</summary>
    private static Observation ToRedFlagObservation(TriageAssessment a, string? zone, Guid person)
    {
        var o = new Observation
        {
            Id = Id(RedFlagsId(a.Id)),
            Status = ObservationStatus.Final,
            Code = new CodeableConcept(Systems.RecordKind, Kinds.RedFlagAnswer, "Red-flag answers", "Red-flag answers"),
            Subject = Subject(person),
            Effective = Instant(a.AssessedAtUtc, zone),
        };
        o.Category.Add(new CodeableConcept { Coding = [Kind(Kinds.RedFlagAnswer)] });
        foreach (var (questionId, answer) in a.Answers.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var question = RedFlagQuestions.TryParse(questionId, out var q) ? RedFlagQuestions.Get(q).Text : null;
            var (code, display) = AnswerCodes[answer];
            o.Component.Add(new Observation.ComponentComponent
            {
                Code = new CodeableConcept(Systems.RedFlagQuestion, questionId, question, question),
                Value = new CodeableConcept(Loinc, code, display, null),
            });
        }
        return o;
    }

    internal static Guid RedFlagsId(Guid assessment) => DerivedId(assessment, "red-flags");

    private static RiskAssessment ToRiskAssessment(TriageAssessment a, string? zone, Guid person)
    {
        var r = new RiskAssessment
        {
            Id = Id(a.Id),
            Status = ObservationStatus.Final,
            Subject = Subject(person),
            Occurrence = Instant(a.AssessedAtUtc, zone),
            Code = new CodeableConcept(Systems.RecordKind, "triage", "Red-flag triage", "Red-flag triage"),
        };
        r.Prediction.Add(new RiskAssessment.PredictionComponent
        {
            Outcome = new CodeableConcept(Systems.TriageLevel, a.Level.ToString(), a.Level.WireName(), a.Level.WireName()),
            Rationale = a.FiredRules.Length == 0 ? null : "Rules: " + a.FiredRules,
        });
        if (a.Answers.Count > 0)
        {
            r.Basis.Add(Ref("Observation", RedFlagsId(a.Id)));
        }
        if (a.CheckInId is { } checkIn)
        {
            r.Basis.Add(Ref("Observation", checkIn));
            r.Extension.Put(X.CheckIn, Ref("Observation", checkIn));
        }
        r.Extension.PutText(X.FiredRules, a.FiredRules.Length == 0 ? null : a.FiredRules);
        r.Extension.Put(X.SeeDoctorToday, new FhirBoolean(a.SeeDoctorToday));
        r.Extension.PutCode(X.AssessmentSource, a.Source.ToString());
        return r;
    }

    private Procedure ToProcedure(Treatment t, Guid person)
    {
        var modality = modalities.Find(t.ModalityId);
        var p = new Procedure
        {
            Id = Id(t.Id),
            Status = EventStatus.Completed,
            Category = new CodeableConcept(Systems.TreatmentKind, t.Kind.ToString(), TreatmentKinds.Label(t.Kind), null),
            Code = new CodeableConcept(Systems.Modality, t.ModalityId, modality?.Name, modality?.Name ?? t.ModalityId),
            Subject = Subject(person),
            Performed = t.DurationMinutes is { } minutes
                ? new Period(Instant(t.StartedAtUtc, t.TimeZoneId), Instant(t.StartedAtUtc.AddMinutes(minutes), t.TimeZoneId))
                : Instant(t.StartedAtUtc, t.TimeZoneId),
        };
        if (!string.IsNullOrEmpty(t.Therapist))
        {
            p.Performer.Add(new Procedure.PerformerComponent { Actor = new ResourceReference { Display = t.Therapist } });
        }
        foreach (var coding in AreaCodings(t.BodyAreas))
        {
            p.BodySite.Add(new CodeableConcept { Coding = [coding] });
        }
        if (t.EarSeedApplicationId is { } seeds)
        {
            p.PartOf.Add(Ref("Procedure", seeds));
        }
        if (!string.IsNullOrEmpty(t.Notes))
        {
            p.Note.Add(new Annotation { Text = t.Notes });
        }
        p.Extension.PutZone(t.TimeZoneId);
        p.Extension.PutInt(X.PainBefore, t.PainBefore);
        p.Extension.PutInt(X.PainAfter, t.PainAfter);
        p.Extension.PutInt(X.Pressure, t.Pressure);
        p.Extension.PutInt(X.Intensity, t.Intensity);
        p.Extension.PutCode(X.Bruising, t.Bruising.ToString());
        if (t.BruiseAreas != 0)
        {
            p.Extension.Put(X.BruiseAreas, new CodeableConcept { Coding = AreaCodings(t.BruiseAreas), Text = AreaText(t.BruiseAreas) });
        }
        p.Extension.PutInt(X.Soreness, t.Soreness);
        foreach (var sign in FlagLists.Split(t.Signs))
        {
            p.Extension.PutCode(X.SideEffectSign, sign.ToString());
        }
        foreach (var point in t.Points)
        {
            var e = new Extension { Url = Url(X.PointPressed) };
            e.Extension.PutCode(X.Point, point.Point);
            e.Extension.PutCode(X.Feeling, point.Feeling.ToString());
            e.Extension.PutInt(X.Seconds, point.Seconds);
            p.Extension.Add(e);
        }
        p.Extension.PutInstant(X.CreatedAt, t.CreatedAtUtc);
        p.Extension.PutInstant(X.UpdatedAt, t.UpdatedAtUtc);
        p.Extension.PutInt(X.RecordVersion, t.Version);
        return p;
    }

    private static MedicationStatement ToMedicationStatement(Treatment t, int index, Guid person)
    {
        var dose = t.Doses[index];
        var m = new MedicationStatement
        {
            Id = Id(DerivedId(t.Id, "dose/" + index.ToString(CultureInfo.InvariantCulture))),
            Status = MedicationStatement.MedicationStatusCodes.Completed,
            Medication = new CodeableConcept(Systems.Ingredient, dose.Ingredient, null, dose.Product ?? dose.Ingredient),
            Subject = Subject(person),
            Effective = Instant(t.StartedAtUtc, t.TimeZoneId),
        };
        m.PartOf.Add(Ref("Procedure", t.Id));
        var dosage = new Dosage();
        dosage.DoseAndRate.Add(new Dosage.DoseAndRateComponent { Dose = new Quantity(dose.Milligrams, "mg") { System = Ucum, Unit = "mg" } });
        m.Dosage.Add(dosage);
        m.Extension.PutInt(X.DoseIndex, index);
        m.Extension.PutText(X.Product, dose.Product);
        return m;
    }

    private static Procedure ToProcedure(EarSeedApplication e, Guid person)
    {
        var (sideCode, sideDisplay) = SideCodes[e.Ear == Ear.Left ? Journal.Side.Left : Journal.Side.Right];
        var ear = new Coding(Snomed, EarCode, "Ear structure");
        ear.Extension.Add(new Extension(Url(X.Laterality), new Coding(Snomed, sideCode, sideDisplay)));
        var p = new Procedure
        {
            Id = Id(e.Id),
            Status = e.RemovedAtUtc is null ? EventStatus.InProgress : EventStatus.Completed,
            Category = new CodeableConcept { Coding = [Kind(Kinds.EarSeedApplication)] },
            Code = new CodeableConcept(Systems.Modality, "ear-seeds", "Ear seeds", "Ear seeds put on"),
            Subject = Subject(person),
            Performed = new Period
            {
                StartElement = Instant(e.AppliedAtUtc, e.TimeZoneId),
                EndElement = e.RemovedAtUtc is { } removed ? Instant(removed, e.TimeZoneId) : null,
            },
        };
        p.BodySite.Add(new CodeableConcept { Coding = [ear], Text = e.Ear == Ear.Left ? "left ear" : "right ear" });
        if (!string.IsNullOrEmpty(e.Notes))
        {
            p.Note.Add(new Annotation { Text = e.Notes });
        }
        p.Extension.PutZone(e.TimeZoneId);
        p.Extension.PutInstant(X.RemoveBy, e.RemoveByUtc, e.TimeZoneId);
        foreach (var point in e.Points)
        {
            p.Extension.PutCode(X.EarPoint, point);
        }
        p.Extension.PutInt(X.RecordVersion, e.Version);
        return p;
    }

    private static Observation ToObservation(TreatmentFollowUp f, string? zone, Guid person)
    {
        var o = new Observation
        {
            Id = Id(f.Id),
            Status = ObservationStatus.Final,
            Code = new CodeableConcept(Loinc, PainSeverityCode, PainSeverityDisplay, $"Pain {f.HoursAfter} hours after the treatment (0-10)"),
            Subject = Subject(person),
            Effective = Instant(f.RecordedAtUtc, zone),
            Value = new Integer(f.Pain),
        };
        o.Category.Add(new CodeableConcept { Coding = [Kind(Kinds.FollowUp)] });
        o.PartOf.Add(Ref("Procedure", f.TreatmentId));
        if (!string.IsNullOrEmpty(f.Notes))
        {
            o.Note.Add(new Annotation { Text = f.Notes });
        }
        o.Extension.PutInt(X.HoursAfter, f.HoursAfter);
        return o;
    }

    private FhirQuestionnaireResponse ToQuestionnaireResponse(Core.Questionnaires.QuestionnaireResponse r, Guid person)
    {
        var instrument = instruments.Find(r.InstrumentId);
        var q = new FhirQuestionnaireResponse
        {
            Id = Id(r.Id),
            Status = FhirQuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = Subject(person),
            AuthoredElement = Instant(r.AuthoredAtUtc, r.TimeZoneId),
            Questionnaire = (instrument?.Questionnaire?.Url is { } url ? url : Systems.Instrument + r.InstrumentId) + "|" + r.InstrumentVersion,
        };
        foreach (var answer in r.Answers)
        {
            var item = new FhirQuestionnaireResponse.ItemComponent { LinkId = answer.LinkId };
            var question = instrument?.Questionnaire?.Items.FirstOrDefault(i => string.Equals(i.LinkId, answer.LinkId, StringComparison.Ordinal));
            item.Text = question?.Text;
            if (answer.Code is not null)
            {
                var option = question?.Option(answer.Code);
                item.Answer.Add(new FhirQuestionnaireResponse.AnswerComponent { Value = new Coding(option?.System, answer.Code, option?.Display) });
            }
            if (answer.Integer is { } i)
            {
                item.Answer.Add(new FhirQuestionnaireResponse.AnswerComponent { Value = new Integer(i) });
            }
            if (answer.Boolean is { } b)
            {
                item.Answer.Add(new FhirQuestionnaireResponse.AnswerComponent { Value = new FhirBoolean(b) });
            }
            q.Item.Add(item);
        }
        q.Extension.PutZone(r.TimeZoneId);
        q.Extension.PutCode(X.InstrumentId, r.InstrumentId);
        q.Extension.PutText(X.InstrumentVersion, r.InstrumentVersion);
        q.Extension.Put(X.Score, r.Score is { } s ? new FhirDecimal(s) : null);
        foreach (var (id, value) in r.Subscores.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var e = new Extension { Url = Url(X.Subscore) };
            e.Extension.PutCode(X.Id, id);
            e.Extension.Put(X.Value, new FhirDecimal(value));
            q.Extension.Add(e);
        }
        q.Extension.PutText(X.Band, r.Band);
        q.Extension.PutInstant(X.CreatedAt, r.CreatedAtUtc);
        q.Extension.PutInt(X.RecordVersion, r.Version);
        return q;
    }

    private CarePlan ToCarePlan(ExportRows rows, Guid person)
    {
        var plan = new CarePlan
        {
            Id = Id(DerivedId(person, "care-plan")),
            Status = RequestStatus.Active,
            Intent = CarePlan.CarePlanIntent.Plan,
            Title = "Plan",
            Subject = Subject(person),
        };
        var completions = rows.PlanCompletions.ToLookup(c => c.PlanItemId);
        foreach (var item in rows.PlanItems)
        {
            var repeat = new Timing.RepeatComponent
            {
                Bounds = new Period { StartElement = new FhirDateTime(Date(item.StartDate)), EndElement = item.EndDate is { } end ? new FhirDateTime(Date(end)) : null },
                TimeOfDayElement = [new Hl7.Fhir.Model.Time(TimeOfDay(item.TimeOfDay))],
                Duration = item.DurationMinutes,
                DurationUnit = Timing.UnitsOfTime.Min,
            };
            switch (item.RecurrenceKind)
            {
                case RecurrenceKind.None:
                    repeat.Count = 1;
                    break;
                case RecurrenceKind.Daily:
                    (repeat.Frequency, repeat.Period, repeat.PeriodUnit) = (1, 1, Timing.UnitsOfTime.D);
                    break;
                case RecurrenceKind.Weekly:
                case RecurrenceKind.EveryNWeeks:
                    (repeat.Frequency, repeat.Period, repeat.PeriodUnit) = (1, item.IntervalWeeks, Timing.UnitsOfTime.Wk);
                    break;
            }
            foreach (var day in Enum.GetValues<DayOfWeek>().Where(d => (item.Days & (1 << (int)d)) != 0))
            {
                repeat.DayOfWeek = [.. repeat.DayOfWeek, Days[day]];
            }
            var detail = new CarePlan.DetailComponent
            {
                Kind = CarePlan.CarePlanActivityKind.Appointment,
                Code = new CodeableConcept(Systems.PlanItemKind, item.Kind.ToString(), item.Kind.Label(), item.Title ?? item.Kind.Label()),
                Status = CarePlan.CarePlanActivityStatus.Scheduled,
                Scheduled = new Timing { Repeat = repeat },
                Location = string.IsNullOrEmpty(item.Place) ? null : new ResourceReference { Display = item.Place },
                Description = string.IsNullOrEmpty(item.Instructions) ? null : item.Instructions,
            };
            if (!string.IsNullOrEmpty(item.TherapistName))
            {
                detail.Performer.Add(new ResourceReference { Display = item.TherapistName });
            }
            var activity = new CarePlan.ActivityComponent { Detail = detail };
            var x = activity.Extension;
            x.PutText(X.PlanItemId, Id(item.Id));
            x.PutZone(item.ZoneId);
            x.PutText(X.Title, item.Title);
            x.PutCode(X.Modality, item.ModalityId);
            x.PutCode(X.Recurrence, item.RecurrenceKind.ToString());
            x.PutInt(X.IntervalWeeks, item.IntervalWeeks);
            x.PutInt(X.ReminderMinutesBefore, item.ReminderMinutesBefore);
            foreach (var point in item.Points)
            {
                x.PutCode(X.Point, point);
            }
            x.PutText(X.AssignedByTherapist, item.AssignedByTherapistId is { } t ? Id(t) : null);
            x.PutInt(X.Sequence, item.Sequence);
            x.PutInstant(X.CreatedAt, item.CreatedAtUtc);
            x.PutInstant(X.UpdatedAt, item.UpdatedAtUtc);
            x.PutInt(X.RecordVersion, item.Version);
            foreach (var c in completions[item.Id])
            {
                var e = new Extension { Url = Url(X.Completion) };
                e.Extension.PutText(X.Id, Id(c.Id));
                e.Extension.Put(X.OccurrenceDate, new Hl7.Fhir.Model.Date(Date(c.OccurrenceDate)));
                e.Extension.PutInstant(X.CompletedAt, c.CompletedAtUtc, item.ZoneId);
                if (c.TreatmentId is { } treatment)
                {
                    e.Extension.Put(X.Treatment, Ref("Procedure", treatment));
                    activity.OutcomeReference.Add(Ref("Procedure", treatment));
                }
                x.Add(e);
            }
            plan.Activity.Add(activity);
        }
        return plan;
    }

    private static readonly Dictionary<DayOfWeek, DaysOfWeek> Days = new()
    {
        [DayOfWeek.Monday] = DaysOfWeek.Mon,
        [DayOfWeek.Tuesday] = DaysOfWeek.Tue,
        [DayOfWeek.Wednesday] = DaysOfWeek.Wed,
        [DayOfWeek.Thursday] = DaysOfWeek.Thu,
        [DayOfWeek.Friday] = DaysOfWeek.Fri,
        [DayOfWeek.Saturday] = DaysOfWeek.Sat,
        [DayOfWeek.Sunday] = DaysOfWeek.Sun,
    };

    internal static DayOfWeek? DayOf(DaysOfWeek? day) => day is { } d ? Days.First(kv => kv.Value == d).Key : null;

    private static Consent ToConsent(Grant g, Guid person)
    {
        var c = new Consent
        {
            Id = Id(g.Id),
            Status = g.IsLive ? Consent.ConsentState.Active : Consent.ConsentState.Inactive,
            Scope = new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", "Privacy Consent", null),
            Patient = Subject(person),
            DateTimeElement = Instant(g.CreatedAtUtc),
            Provision = new Consent.provisionComponent
            {
                Type = Consent.ConsentProvisionType.Permit,
                Period = new Period { StartElement = Instant(g.CreatedAtUtc), EndElement = g.RevokedAtUtc is { } r ? Instant(r) : null },
            },
        };
        c.Category.Add(new CodeableConcept(Loinc, "59284-0", "Patient Consent", null));
        c.PolicyRule = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN", "opt-in", null);
        c.Performer.Add(Subject(person));
        c.Provision.Actor.Add(new Consent.provisionActorComponent
        {
            Role = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "PRCP", "primary information recipient", null),
            Reference = new ResourceReference { Identifier = new Identifier(Systems.Therapist, Id(g.TherapistId)), Display = "Therapist" },
        });
        c.Provision.Action.Add(new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentaction", "access", "Access", null));
        foreach (var (scope, name, label) in GrantScopes.Each.Where(e => g.Scopes.HasFlag(e.Scope)))
        {
            c.Provision.Code.Add(new CodeableConcept(Systems.GrantScope, name, label, null));
        }
        return c;
    }
}
