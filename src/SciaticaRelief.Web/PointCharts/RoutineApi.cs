using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Web.Api;

namespace SciaticaRelief.Web.PointCharts;

/// <summary>A point of the charts as the API gives it.</summary>
public sealed record PointResponse(
    string Id, string Code, string Name, string Label, string Group, string Where, string Pressure, int HoldMinSeconds, int HoldMaxSeconds,
    IReadOnlyList<string> Cautions, bool HiddenInPregnancy, string Source, string Mark, bool NeedsClinicalReview, string System,
    string Chart, decimal X, decimal Y)
{
    public static PointResponse From(AcuPoint p, PointCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(catalog);
        return new(p.Id, p.Code, p.Name, p.Label, p.Group == PointGroup.Ear ? "ear" : "body", p.Where, PointText.Pressure(p.Pressure),
            p.HoldMinSeconds, p.HoldMaxSeconds, p.Cautions, catalog.IsHiddenInPregnancy(p), p.Source, p.Mark, p.NeedsReview, p.System,
            Charts.Of(p.Position.Chart).WireName, p.Position.X, p.Position.Y);
    }
}

public sealed record RoutineStepResponse(int Number, PointResponse Point, string Pressure, int HoldSeconds, IReadOnlyList<string> Notes);

public sealed record HiddenPointResponse(string Id, string Label, string Reason);

/// <summary>The routine (while triage pauses self-care the gate answers with a SeekCareResponse instead).</summary>
/// <param name="AdviceNeedsClinicalReview">The dose and stop advice are marked [U] in CLINICAL.md section 5.</param>
public sealed record RoutineResponse(
    IReadOnlyList<RoutineStepResponse> Steps,
    IReadOnlyList<HiddenPointResponse> Hidden,
    IReadOnlyList<string> Notes,
    string? DoseAdvice,
    string? StopAdvice,
    bool AdviceNeedsClinicalReview,
    string ModalityId);

public sealed record ChartResponse(string Id, string Title, int Width, int Height);

public sealed record PregnancyResponse(IReadOnlyList<string> Ids, string Source, bool NeedsClinicalReview);

/// <summary>A nerve-root skin area on the body map's regions: educational only, never a diagnosis.</summary>
public sealed record DermatomeResponse(string Root, string Where, IReadOnlyList<SciaticaRelief.Core.Journal.BodyRegion> Regions, string Source, bool NeedsClinicalReview);

/// <summary>The point charts' data (while triage pauses self-care the gate answers with a SeekCareResponse instead).</summary>
public sealed record PointChartResponse(
    IReadOnlyList<PointResponse> Points,
    IReadOnlyList<ChartResponse> Charts,
    PregnancyResponse? AvoidedInPregnancy,
    IReadOnlyList<DermatomeResponse> Dermatomes);

/// <summary>/api/v1/routines: the guided self-acupressure routine (suggests care).</summary>
public static class RoutineApi
{
    public const string SelfAcupressureModality = "self-acupressure";

    public static RouteGroupBuilder MapRoutineApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/routines/acupressure", async (RoutineService routines, CancellationToken ct) =>
            {
                var routine = await routines.AcupressureAsync(ct);
                return TypedResults.Ok(ToResponse(routine, routines.Catalog));
            })
            .WithTags("Home care")
            .WithName("GetAcupressureRoutine")
            .WithSummary("The guided self-acupressure routine for this Person: the sciatica points from the back down the leg, filtered by the profile (pregnancy hides BL60 and every point avoided in pregnancy), with how to press, how long and when to stop. While triage pauses self-care, only the advice to seek care. Save a run as a treatment of the self-acupressure modality (POST /api/v1/treatments).")
            .WithMetadata(new SuggestsCareAttribute())
            .Produces<RoutineResponse>()
            .Produces<SeekCareResponse>();

        api.MapGet("/points", (PointCatalog catalog) => TypedResults.Ok(new PointChartResponse(
                [.. catalog.All.Select(p => PointResponse.From(p, catalog))],
                [.. Charts.All.Select(c => new ChartResponse(c.WireName, c.Title, c.Width, c.Height))],
                new PregnancyResponse(catalog.Pregnancy.Ids, catalog.Pregnancy.Source, catalog.Pregnancy.NeedsReview),
                [.. catalog.Dermatomes.Select(d => new DermatomeResponse(d.Root, d.Where, d.Regions, d.Source, d.NeedsReview))])))
            .WithTags("Home care")
            .WithName("ListPoints")
            .WithSummary("The point charts' data: every acupressure and ear point (ear points in GB/T 13734-2008) with where it is, how to press, cautions, source and chart coordinates; the charts' sizes; the points avoided in pregnancy; the L4/L5/S1 areas (educational only, needs clinical review). While triage pauses self-care, only the advice to seek care.")
            .WithMetadata(new SuggestsCareAttribute())
            .Produces<PointChartResponse>()
            .Produces<SeekCareResponse>();
        return api;
    }

    public static RoutineResponse ToResponse(AcupressureRoutine r, PointCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new RoutineResponse(
            [.. r.Steps.Select(s => new RoutineStepResponse(s.Number, PointResponse.From(s.Point, catalog), PointText.Pressure(s.Pressure), s.HoldSeconds, s.Notes))],
            [.. r.Hidden.Select(h => new HiddenPointResponse(h.Point.Id, h.Point.Label, h.Reason))],
            r.Notes, AcupressureRoutine.DoseAdvice, AcupressureRoutine.StopAdvice, AdviceNeedsClinicalReview: true, SelfAcupressureModality);
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
