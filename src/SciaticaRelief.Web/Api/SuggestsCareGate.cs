using Microsoft.AspNetCore.Components.Endpoints;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Web.Profiles;
using SciaticaRelief.Web.Security;
using SciaticaRelief.Web.Triage;

namespace SciaticaRelief.Web.Api;

/// <summary>What a <see cref="SuggestsCareAttribute"/> endpoint answers while self-care is paused: only the advice to seek care.</summary>
/// <param name="ScreenRequired">The warning-sign questions were never answered: answer them (<paramref name="Screen"/>) before anything is suggested.</param>
/// <param name="Screen">Where to answer them (the symptom check).</param>
public sealed record SeekCareResponse(bool SeekCareOnly, TriageLevel Level, bool SeeDoctorToday, string EmergencyNumber, Advice Advice,
    bool ScreenRequired = false, string? Screen = null);

/// <summary>
/// The one place that decides whether care may be suggested now: while the triage standing pauses
/// self-care (Emergency or Urgent, until a clean check-in and a clinician review), everything marked
/// <see cref="SuggestsCareAttribute"/> shows only the advice to seek care. API endpoints are answered by
/// <see cref="SuggestsCareGateMiddleware"/>; pages by the Shared/SeekCareGate component around the layout's body.
/// </summary>
public sealed class SuggestsCareGate(CurrentPerson current, PersonContext person, TriageService triage)
{
    /// <summary>The API answer to the screen: POST the answers here.</summary>
    public const string ScreenPath = "/api/v1/triage";

    public static bool Marks(Endpoint? endpoint) => endpoint?.Metadata.GetMetadata<SuggestsCareAttribute>() is not null;

    /// <summary>The advice to seek care when the signed-in Person's standing pauses self-care; null otherwise (or when no Person is signed in).</summary>
    public async Task<SeekCareResponse?> PausedAsync(CancellationToken ct)
    {
        if (current.PersonId is null)
        {
            return null;
        }
        var standing = await triage.StandingAsync(ct);
        if (!standing.PausesSelfCare)
        {
            return null;
        }
        var level = standing.Effective;
        var region = await person.RegionAsync(ct);
        if (!level.PausesSelfCare() && standing.ScreenRequired)
        {
            return new SeekCareResponse(true, level, false, region.EmergencyNumber, TriageAdvice.ScreenFirst(region), ScreenRequired: true, Screen: ScreenPath);
        }
        var alarm = await triage.LatestAlarmAsync(ct);
        var today = alarm?.SeeDoctorToday == true;
        return new SeekCareResponse(true, level, today, region.EmergencyNumber, TriageAdvice.For(level, region, today));
    }
}

/// <summary>Answers marked API endpoints with <see cref="SeekCareResponse"/> while paused; pages are left to the layout's gate, which keeps the site's frame.</summary>
public sealed class SuggestsCareGateMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SuggestsCareGate gate)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(gate);
        var endpoint = context.GetEndpoint();
        if (SuggestsCareGate.Marks(endpoint) && endpoint!.Metadata.GetMetadata<ComponentTypeMetadata>() is null
            && await gate.PausedAsync(context.RequestAborted) is { } advice)
        {
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsJsonAsync(advice, context.RequestAborted);
            return;
        }
        await next(context);
    }
}

public static class SuggestsCareGateExtensions
{
    /// <summary>After authorization (it needs the signed-in Person), before the endpoints.</summary>
    public static IApplicationBuilder UseSuggestsCareGate(this IApplicationBuilder app) => app.UseMiddleware<SuggestsCareGateMiddleware>();
}
