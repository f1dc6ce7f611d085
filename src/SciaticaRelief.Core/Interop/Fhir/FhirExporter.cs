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
    /// The entries in export order, parents before children: a Firely <see cref="Resource"/>, or the row
    /// itself (or a small record of it) for the shapes written straight to JSON (<see cref="WriteDirect"/>).
    /// </summary>
    internal IEnumerable<object> Entries(ExportRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var patient = rows.PersonId;
        yield return ToPatient(rows.PersonId, rows.Profile);
        var zones = rows.CheckIns.ToDictionary(c => c.Id, c => c.TimeZoneId);
        foreach (var c in rows.CheckIns)
        {
            yield return c;
        }
        foreach (var a in rows.TriageAssessments)
        {
            var zone = a.CheckInId is { } c && zones.TryGetValue(c, out var z) ? z : rows.Profile?.TimeZoneId;
            Guid? redFlagsId = a.Answers.Count > 0 ? RedFlagsId(a.Id) : null;
            if (redFlagsId is { } id)
            {
                yield return new DirectRedFlags(a, zone, id);
            }
            yield return new DirectTriage(a, zone, redFlagsId);
        }
        foreach (var e in rows.EarSeedApplications)
        {
            yield return ToProcedure(e, patient);
        }
        var treatmentZones = new Dictionary<Guid, string>();
        foreach (var t in rows.Treatments)
        {
            treatmentZones[t.Id] = t.TimeZoneId;
            yield return t;
            for (var i = 0; i < t.Doses.Count; i++)
            {
                yield return new DirectDose(t, i);
            }
        }
        foreach (var f in rows.TreatmentFollowUps)
        {
            var zone = treatmentZones.GetValueOrDefault(f.TreatmentId);
            yield return new DirectFollowUp(f, zone);
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
            yield return new DirectCarePlan(rows);
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
        foreach (var entry in Entries(rows))
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
            foreach (var entry in Entries(rows))
            {
                WriteEntry(writer, entry, rows.PersonId);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    internal static ResourceReference Subject(Guid person) => Ref("Patient", person);

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

    internal static Guid RedFlagsId(Guid assessment) => DerivedId(assessment, "red-flags");

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

    internal static readonly Dictionary<DayOfWeek, DaysOfWeek> Days = new()
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
