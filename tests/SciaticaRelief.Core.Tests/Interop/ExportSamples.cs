using SciaticaRelief.Core.Interop.Fhir;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Questionnaires;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Core.Tests.Questionnaires;
using SciaticaRelief.Core.Tests.Treatments;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Core.Tests.Interop;

/// <summary>One Person's rows of every kind, with awkward values (ticks, a DST zone, formula-like notes).</summary>
internal static class ExportSamples
{
    public static readonly Guid Person = Guid.Parse("0193a000-0000-7000-8000-000000000001");

    private static readonly Lazy<InstrumentCatalog> LazyInstruments = new(() => InstrumentCatalog.Build(Definitions.ShippedFiles()));

    public static FhirExporter Exporter() => new(TreatmentContent.Catalog, LazyInstruments.Value);

    private static DateTime Utc(int month, int day, int hour, int minute = 0, long extraTicks = 0) =>
        new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Utc).AddTicks(extraTicks);

    private static Guid G(int n) => Guid.Parse($"0193a000-0000-7000-8000-{n:D12}");

    public static ExportRows Rows()
    {
        var checkIn = new CheckIn
        {
            PersonId = Person, Id = G(10), OccurredAtUtc = Utc(3, 29, 0, 30, 1234567), TimeZoneId = "Europe/London",
            PainNow = 6, PainWorst = 8, PainAverage = 5,
            BodyAreas = BodyMap.ToBits([new BodyArea(BodyRegion.LowBack, Side.Both), new BodyArea(BodyRegion.Calf, Side.Left)]),
            Radiation = Radiation.BelowKnee, Qualities = PainQuality.Shooting | PainQuality.Tingling, Triggers = Trigger.Sitting,
            SleepHours = 6.5, Stress = 3, Notes = "=HYPERLINK(\"x\") -3 after the walk, \"quoted\"\nsecond line",
            CreatedAtUtc = Utc(3, 29, 0, 31), UpdatedAtUtc = Utc(3, 29, 0, 32), Version = 2,
        };
        checkIn.StampLocalDate();
        var bare = new CheckIn { PersonId = Person, Id = G(11), OccurredAtUtc = Utc(7, 1, 12), TimeZoneId = "America/New_York", PainNow = 0, CreatedAtUtc = Utc(7, 1, 12), UpdatedAtUtc = Utc(7, 1, 12) };
        bare.StampLocalDate();
        var triage = new TriageAssessment
        {
            PersonId = Person, Id = G(20), AssessedAtUtc = Utc(3, 29, 0, 30, 1234567), Level = TriageLevel.Urgent, FiredRules = "URG-1,ROUTINE-2",
            Answers = new Dictionary<string, Answer>(StringComparer.Ordinal) { ["saddle-numbness"] = Answer.No, ["both-legs"] = Answer.Unsure, ["bladder-control"] = Answer.Yes },
            SeeDoctorToday = true, Source = AssessmentSource.CheckIn, CheckInId = checkIn.Id,
        };
        var onboarding = new TriageAssessment { PersonId = Person, Id = G(21), AssessedAtUtc = Utc(1, 2, 9), Level = TriageLevel.SelfCare, Source = AssessmentSource.Onboarding };
        var seeds = new EarSeedApplication
        {
            PersonId = Person, Id = G(30), Ear = Ear.Right, Points = ["shenmen", "sciatic-nerve"], AppliedAtUtc = Utc(5, 1, 8), RemoveByUtc = Utc(5, 6, 8),
            RemovedAtUtc = Utc(5, 4, 20), TimeZoneId = "Europe/Berlin", Notes = "@seeds", Version = 1,
        };
        var massage = new Treatment
        {
            PersonId = Person, Id = G(40), StartedAtUtc = Utc(5, 2, 17), TimeZoneId = "Europe/Berlin", ModalityId = "swedish-massage", Kind = TreatmentKind.Massage,
            DurationMinutes = 45, PainBefore = 7, PainAfter = 4, Therapist = "+Anna", Pressure = 3, BodyAreas = BodyMap.ToBits([new BodyArea(BodyRegion.Buttock, Side.Right)]),
            Bruising = BruiseSize.Small, BruiseAreas = BodyMap.ToBits([new BodyArea(BodyRegion.Thigh, Side.Right)]), Soreness = 2,
            Signs = SideEffectSign.BruiseSpreading | SideEffectSign.VerySwollen, Notes = "-firm", CreatedAtUtc = Utc(5, 2, 18), UpdatedAtUtc = Utc(5, 2, 18), Version = 1,
        };
        var medicine = new Treatment
        {
            PersonId = Person, Id = G(41), StartedAtUtc = Utc(5, 3, 7, 15), TimeZoneId = "Europe/Berlin", ModalityId = "over-the-counter-medicine", Kind = TreatmentKind.Medicine,
            Doses = [new MedicineDose("ibuprofen", "Brand X 200", 400m), new MedicineDose("paracetamol", null, 500.5m)],
            CreatedAtUtc = Utc(5, 3, 7, 16), UpdatedAtUtc = Utc(5, 3, 7, 16),
        };
        var acupressure = new Treatment
        {
            PersonId = Person, Id = G(42), StartedAtUtc = Utc(5, 3, 20), TimeZoneId = "Europe/Berlin", ModalityId = "self-acupressure", Kind = TreatmentKind.Acupressure,
            DurationMinutes = 10, Points = [new PointPressed("bl23", PointFeeling.DullAche, 60), new PointPressed("gb30", PointFeeling.Relief, null)],
            CreatedAtUtc = Utc(5, 3, 20), UpdatedAtUtc = Utc(5, 3, 20),
        };
        var press = new Treatment
        {
            PersonId = Person, Id = G(43), StartedAtUtc = Utc(5, 2, 9), TimeZoneId = "Europe/Berlin", ModalityId = "ear-seeds", Kind = TreatmentKind.EarSeeds,
            EarSeedApplicationId = seeds.Id, CreatedAtUtc = Utc(5, 2, 9), UpdatedAtUtc = Utc(5, 2, 9),
        };
        var followUp = new TreatmentFollowUp { PersonId = Person, Id = G(50), TreatmentId = massage.Id, HoursAfter = 24, Pain = 3, RecordedAtUtc = Utc(5, 3, 17, 5), Notes = "better" };
        var response = new QuestionnaireResponse
        {
            PersonId = Person, Id = G(60), InstrumentId = "nrs", InstrumentVersion = "1", AuthoredAtUtc = Utc(6, 1, 10), TimeZoneId = "Europe/London",
            Answers = [new ResponseAnswer("pain", Integer: 5), new ResponseAnswer("coded", Code: "a"), new ResponseAnswer("flag", Boolean: false), new ResponseAnswer("skipped")],
            Score = 12.5m, Subscores = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["distress"] = 3m }, Band = "moderate", CreatedAtUtc = Utc(6, 1, 10), Version = 1,
        };
        var item = new SavedPlanItem
        {
            PersonId = Person, Id = G(70), Kind = PlanItemKind.MassageAppointment, Title = "=Massage", Place = "Clinic, room 2", TherapistName = "Anna", ModalityId = "swedish-massage",
            StartDate = new DateOnly(2026, 3, 2), TimeOfDay = new TimeOnly(18, 0), DurationMinutes = 60, RecurrenceKind = RecurrenceKind.EveryNWeeks, IntervalWeeks = 2,
            Days = (1 << (int)DayOfWeek.Monday) | (1 << (int)DayOfWeek.Sunday), EndDate = new DateOnly(2026, 12, 31), ReminderMinutesBefore = 60, ZoneId = "Europe/London",
            Points = ["bl23"], Instructions = "Drink water", AssignedByTherapistId = G(99), Sequence = 3, CreatedAtUtc = Utc(3, 1, 9), UpdatedAtUtc = Utc(3, 2, 9), Version = 3,
        };
        var daily = new SavedPlanItem
        {
            PersonId = Person, Id = G(71), Kind = PlanItemKind.DailyCheckIn, StartDate = new DateOnly(2026, 3, 1), TimeOfDay = new TimeOnly(20, 30), DurationMinutes = 5,
            RecurrenceKind = RecurrenceKind.Daily, ZoneId = "Europe/London", CreatedAtUtc = Utc(3, 1, 9), UpdatedAtUtc = Utc(3, 1, 9),
        };
        var once = new SavedPlanItem
        {
            PersonId = Person, Id = G(72), Kind = PlanItemKind.HomeRoutine, StartDate = new DateOnly(2026, 3, 5), TimeOfDay = new TimeOnly(7, 15, 30), DurationMinutes = 10,
            RecurrenceKind = RecurrenceKind.None, ZoneId = "America/New_York", CreatedAtUtc = Utc(3, 1, 9), UpdatedAtUtc = Utc(3, 1, 9),
        };
        var completion = new PlanCompletion { PersonId = Person, Id = G(80), PlanItemId = item.Id, OccurrenceDate = new DateOnly(2026, 3, 2), CompletedAtUtc = Utc(3, 2, 19), TreatmentId = massage.Id };
        var completion2 = new PlanCompletion { PersonId = Person, Id = G(81), PlanItemId = daily.Id, OccurrenceDate = new DateOnly(2026, 3, 1), CompletedAtUtc = Utc(3, 1, 21) };
        var grant = new Grant { PersonId = Person, Id = G(90), TherapistId = G(99), Scopes = GrantScope.Journal | GrantScope.Plan, CreatedAtUtc = Utc(2, 1, 9), RevokedAtUtc = Utc(4, 1, 9) };
        return new ExportRows(Person,
            new Profile { PersonId = Person, RegionCode = "GB", TimeZoneId = "Europe/London", BirthYear = 1980, Conditions = HealthCondition.Pregnancy },
            [checkIn, bare], [triage, onboarding], [seeds], [massage, medicine, acupressure, press], [followUp], [response], [item, daily, once], [completion, completion2], [grant]);
    }
}
