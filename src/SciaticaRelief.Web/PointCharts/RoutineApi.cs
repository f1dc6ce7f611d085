using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Recommendations;
using SciaticaRelief.Web.Api;

namespace SciaticaRelief.Web.PointCharts;

/// <summary>A point of the charts as the API gives it.</summary>
/// <param name="Precautions">On the charts: what differs at this point for the Person's health conditions, each with its source.</param>
public sealed record PointResponse(
    string Id, string Code, string Name, string Label, string Group, string Where, string Pressure, int HoldMinSeconds, int HoldMaxSeconds,
    IReadOnlyList<string> Cautions, bool HiddenInPregnancy, string Source, string Mark, bool NeedsClinicalReview, string System,
    string Chart, decimal X, decimal Y, IReadOnlyList<Precaution> Precautions)
{
    public static PointResponse From(AcuPoint p, IReadOnlyList<Precaution>? precautions = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.Code, p.Name, p.Label, p.Group == PointGroup.Ear ? "ear" : "body", p.Where, PointText.Pressure(p.Pressure),
            p.HoldMinSeconds, p.HoldMaxSeconds, p.Cautions, p.HiddenInPregnancy, p.Source, p.Mark, p.NeedsReview, p.System,
            Charts.Of(p.Position.Chart).WireName, p.Position.X, p.Position.Y, precautions ?? []);
    }
}

/// <param name="Notes">The step's precautions' words (kept for older clients; <paramref name="Precautions"/> has them with their sources).</param>
public sealed record RoutineStepResponse(int Number, PointResponse Point, string Pressure, int HoldSeconds, IReadOnlyList<string> Notes, IReadOnlyList<Precaution> Precautions);

/// <summary>A point left out for the Person, with the rule's reason and its source.</summary>
public sealed record HiddenPointResponse(string Id, string Label, string Reason, string Source)
{
    public static HiddenPointResponse From(HiddenPoint h)
    {
        ArgumentNullException.ThrowIfNull(h);
        return new(h.Point.Id, h.Point.Label, h.Reason, h.Source);
    }
}

/// <summary>The routine (while triage pauses self-care the gate answers with a SeekCareResponse instead).</summary>
/// <param name="Notes">The whole routine's precautions' words (kept for older clients; <paramref name="Precautions"/> has them with their sources).</param>
/// <param name="Precautions">Precautions that apply at every step, said once, each with its source.</param>
/// <param name="AdviceNeedsClinicalReview">The dose and stop advice are marked [U] in CLINICAL.md section 5.</param>
public sealed record RoutineResponse(
    IReadOnlyList<RoutineStepResponse> Steps,
    IReadOnlyList<HiddenPointResponse> Hidden,
    IReadOnlyList<string> Notes,
    IReadOnlyList<Precaution> Precautions,
    string? DoseAdvice,
    string? StopAdvice,
    bool AdviceNeedsClinicalReview,
    string ModalityId);

public sealed record ChartResponse(string Id, string Title, int Width, int Height);

public sealed record PregnancyResponse(IReadOnlyList<string> Ids, string Source, bool NeedsClinicalReview);

/// <summary>A nerve-root skin area on the body map's regions: educational only, never a diagnosis.</summary>
public sealed record DermatomeResponse(string Root, string Where, IReadOnlyList<SciaticaRelief.Core.Journal.BodyRegion> Regions, string Source, bool NeedsClinicalReview);

/// <summary>The point charts' data (while triage pauses self-care the gate answers with a SeekCareResponse instead).</summary>
/// <param name="Points">The points shown for the Person's health conditions, each with its precautions.</param>
/// <param name="Hidden">The points left out for them, each with the reason and its source.</param>
public sealed record PointChartResponse(
    IReadOnlyList<PointResponse> Points,
    IReadOnlyList<HiddenPointResponse> Hidden,
    IReadOnlyList<ChartResponse> Charts,
    PregnancyResponse? AvoidedInPregnancy,
    IReadOnlyList<DermatomeResponse> Dermatomes);

/// <summary>The ear-seed placement chart for the Person (while triage pauses self-care the gate answers with a SeekCareResponse instead).</summary>
/// <param name="Points">The ear points to place seeds on, each with its own precautions.</param>
/// <param name="Hidden">Ear points left out, with the reason and its source (all of them when ear seeds are not advised for the Person).</param>
/// <param name="Precautions">The ear-seeds modality's precautions for the Person, said once, each with its source.</param>
/// <param name="Steps">How to put them on, wear, press and take them off.</param>
public sealed record EarSeedChartResponse(
    IReadOnlyList<PointResponse> Points,
    IReadOnlyList<HiddenPointResponse> Hidden,
    IReadOnlyList<Precaution> Precautions,
    IReadOnlyList<string> Steps,
    string Source,
    string ModalityId);

/// <summary>/api/v1/routines and /api/v1/points: the guided self-acupressure routine, the ear-seed chart and the point charts (they suggest care).</summary>
public static class RoutineApi
{
    public const string SelfAcupressureModality = "self-acupressure";

    public static RouteGroupBuilder MapRoutineApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/routines/acupressure", async (RoutineService routines, CancellationToken ct) =>
            {
                var routine = await routines.AcupressureAsync(ct);
                return TypedResults.Ok(ToResponse(routine));
            })
            .WithTags("Home care")
            .WithName("GetAcupressureRoutine")
            .WithSummary("The guided self-acupressure routine for this Person: the sciatica points from the back down the leg, filtered by the profile's health conditions (pregnancy hides BL60 and every point avoided in pregnancy; a possible clot hides the leg's points), each left-out point with the reason and its source, the precautions with their sources, how to press, how long and when to stop. While triage pauses self-care, only the advice to seek care. Save a run as a treatment of the self-acupressure modality (POST /api/v1/treatments).")
            .WithMetadata(new SuggestsCareAttribute())
            .Produces<RoutineResponse>()
            .Produces<SeekCareResponse>();

        api.MapGet("/routines/ear-seeds", async (RoutineService routines, CancellationToken ct) =>
            {
                var chart = await routines.EarSeedsAsync(ct);
                return TypedResults.Ok(new EarSeedChartResponse(
                    [.. chart.Shown.Select(p => PointResponse.From(p.Point, p.Precautions))],
                    [.. chart.Hidden.Select(HiddenPointResponse.From)],
                    chart.Precautions, EarSeedCycle.Steps, EarSeedCycle.Source, EarSeedCycle.ModalityId));
            })
            .WithTags("Home care")
            .WithName("GetEarSeedChart")
            .WithSummary("The ear-seed placement chart for this Person: the ear points for sciatica (GB/T 13734-2008) filtered by the profile's health conditions, with the precautions of ear seeds and of each point (each with its source), the points left out and why, and how to wear them. While triage pauses self-care, only the advice to seek care. Record seeds put on with POST /api/v1/ear-seeds.")
            .WithMetadata(new SuggestsCareAttribute())
            .Produces<EarSeedChartResponse>()
            .Produces<SeekCareResponse>();

        api.MapGet("/points", async (RoutineService routines, CancellationToken ct) =>
            {
                var catalog = routines.Catalog;
                var chart = await routines.ChartsAsync(ct);
                return TypedResults.Ok(new PointChartResponse(
                    [.. chart.Shown.Select(p => PointResponse.From(p.Point, p.Precautions))],
                    [.. chart.Hidden.Select(HiddenPointResponse.From)],
                    [.. Charts.All.Select(c => new ChartResponse(c.WireName, c.Title, c.Width, c.Height))],
                    new PregnancyResponse(catalog.Pregnancy.Ids, catalog.Pregnancy.Source, catalog.Pregnancy.NeedsReview),
                    [.. catalog.Dermatomes.Select(d => new DermatomeResponse(d.Root, d.Where, d.Regions, d.Source, d.NeedsReview))]));
            })
            .WithTags("Home care")
            .WithName("ListPoints")
            .WithSummary("The point charts' data for this Person: the acupressure and ear points (ear points in GB/T 13734-2008) their health conditions allow, with where each is, how to press, cautions, precautions for their conditions (with sources), source and chart coordinates; the points left out and why (with sources); the charts' sizes; the points avoided in pregnancy; the L4/L5/S1 areas (educational only, needs clinical review). While triage pauses self-care, only the advice to seek care.")
            .WithMetadata(new SuggestsCareAttribute())
            .Produces<PointChartResponse>()
            .Produces<SeekCareResponse>();
        return api;
    }

    public static RoutineResponse ToResponse(AcupressureRoutine r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new RoutineResponse(
            [.. r.Steps.Select(s => new RoutineStepResponse(s.Number, PointResponse.From(s.Point), PointText.Pressure(s.Pressure), s.HoldSeconds, s.Notes, s.Precautions))],
            [.. r.Hidden.Select(HiddenPointResponse.From)],
            r.Notes, r.Precautions, AcupressureRoutine.DoseAdvice, AcupressureRoutine.StopAdvice, AdviceNeedsClinicalReview: true, SelfAcupressureModality);
    }
}

/// <summary>Words for the point data.</summary>
public static class PointText
{
    public static string Pressure(PointPressure p) => p switch
    {
        PointPressure.Light => "light",
        PointPressure.Firm => "firm",
        _ => "moderate",
    };

    public static string PressureSentence(PointPressure p) => p switch
    {
        PointPressure.Light => "Light pressure: a gentle press with a fingertip, no ache.",
        PointPressure.Firm => "Firm pressure: a steady press to a deep ache you can bear.",
        _ => "Moderate pressure: press with a thumb until you feel a dull, bearable ache, never sharp pain.",
    };

    public static string Seconds(int min, int max) =>
        min == max
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{min} seconds")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{min / 60.0:0.#} to {max / 60.0:0.#} minutes");
}
