using System.Globalization;
using Hl7.Fhir.Model;
using SciaticaRelief.Core.Interop.Fhir;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Triage;
using static SciaticaRelief.Core.Interop.Fhir.ReliefFhir;

namespace SciaticaRelief.Core.Tests.Interop;

/// <summary>
/// The export's hot shapes — check-ins, red-flag answers, triage, treatments, doses, follow-ups and the
/// CarePlan, which the export writes straight to JSON — built with Firely's classes instead: the oracle
/// the direct writer is checked against, entry by entry (<see cref="FhirExportTests"/>). Entries the
/// export already builds with Firely are taken as they are.
/// </summary>
internal static class FhirReferenceMapping
{
    public static IEnumerable<Resource> Resources(FhirExporter exporter, ModalityCatalog modalities, ExportRows rows) =>
        exporter.Entries(rows).Select(entry => entry switch
        {
            Resource r => r,
            CheckIn c => ToObservation(c, rows.PersonId),
            FhirExporter.DirectRedFlags r => ToRedFlagObservation(r.Assessment, r.Zone, r.Id, rows.PersonId),
            FhirExporter.DirectTriage t => ToRiskAssessment(t.Assessment, t.Zone, t.RedFlagsId, rows.PersonId),
            Treatment t => ToProcedure(t, modalities, rows.PersonId),
            FhirExporter.DirectDose d => ToMedicationStatement(d.Treatment, d.Index, rows.PersonId),
            FhirExporter.DirectFollowUp f => ToObservation(f.FollowUp, f.Zone, rows.PersonId),
            FhirExporter.DirectCarePlan p => (Resource)ToCarePlan(p.Rows, rows.PersonId),
            _ => throw new ArgumentException("Not an export entry: " + entry.GetType().Name),
        });

    private static Observation ToObservation(CheckIn c, Guid person)
    {
        var o = new Observation
        {
            Id = Id(c.Id),
            Status = ObservationStatus.Final,
            Code = new CodeableConcept(Loinc, PainSeverityCode, PainSeverityDisplay, "Pain now (0-10)"),
            Subject = FhirExporter.Subject(person),
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
    private static Observation ToRedFlagObservation(TriageAssessment a, string? zone, Guid id, Guid person)
    {
        var o = new Observation
        {
            Id = Id(id),
            Status = ObservationStatus.Final,
            Code = new CodeableConcept(Systems.RecordKind, Kinds.RedFlagAnswer, "Red-flag answers", "Red-flag answers"),
            Subject = FhirExporter.Subject(person),
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

    private static RiskAssessment ToRiskAssessment(TriageAssessment a, string? zone, Guid? redFlagsId, Guid person)
    {
        var r = new RiskAssessment
        {
            Id = Id(a.Id),
            Status = ObservationStatus.Final,
            Subject = FhirExporter.Subject(person),
            Occurrence = Instant(a.AssessedAtUtc, zone),
            Code = new CodeableConcept(Systems.RecordKind, "triage", "Red-flag triage", "Red-flag triage"),
        };
        r.Prediction.Add(new RiskAssessment.PredictionComponent
        {
            Outcome = new CodeableConcept(Systems.TriageLevel, a.Level.ToString(), a.Level.WireName(), a.Level.WireName()),
            Rationale = a.FiredRules.Length == 0 ? null : "Rules: " + a.FiredRules,
        });
        if (redFlagsId is { } answers)
        {
            r.Basis.Add(Ref("Observation", answers));
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

    private static Procedure ToProcedure(Treatment t, ModalityCatalog modalities, Guid person)
    {
        var modality = modalities.Find(t.ModalityId);
        var p = new Procedure
        {
            Id = Id(t.Id),
            Status = EventStatus.Completed,
            Category = new CodeableConcept(Systems.TreatmentKind, t.Kind.ToString(), TreatmentKinds.Label(t.Kind), null),
            Code = new CodeableConcept(Systems.Modality, t.ModalityId, modality?.Name, modality?.Name ?? t.ModalityId),
            Subject = FhirExporter.Subject(person),
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
            Subject = FhirExporter.Subject(person),
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

    private static Observation ToObservation(TreatmentFollowUp f, string? zone, Guid person)
    {
        var o = new Observation
        {
            Id = Id(f.Id),
            Status = ObservationStatus.Final,
            Code = new CodeableConcept(Loinc, PainSeverityCode, PainSeverityDisplay, $"Pain {f.HoursAfter} hours after the treatment (0-10)"),
            Subject = FhirExporter.Subject(person),
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

    private static CarePlan ToCarePlan(ExportRows rows, Guid person)
    {
        var plan = new CarePlan
        {
            Id = Id(DerivedId(person, "care-plan")),
            Status = RequestStatus.Active,
            Intent = CarePlan.CarePlanIntent.Plan,
            Title = "Plan",
            Subject = FhirExporter.Subject(person),
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
                repeat.DayOfWeek = [.. repeat.DayOfWeek, FhirExporter.Days[day]];
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

    /// <summary>The body-map bits as SNOMED codings, one per marked region, each with its laterality.</summary>
    private static List<Coding> AreaCodings(int bits) =>
    [
        .. BodyMap.FromBits(bits).Select(a =>
        {
            var (code, display) = RegionCodes[a.Region];
            var coding = new Coding(Snomed, code, display);
            var (sideCode, sideDisplay) = SideCodes[a.Side];
            coding.Extension.Add(new Extension(Url(X.Laterality), new Coding(Snomed, sideCode, sideDisplay)));
            return coding;
        }),
    ];
}
