using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Validation;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Api;

namespace SciaticaRelief.Web.Profiles;

/// <param name="Preferences">Care preferences; omit to keep the stored ones.</param>
public sealed record ProfileRequest(string? RegionCode, string? TimeZoneId, int? BirthYear, IReadOnlyList<HealthCondition>? Conditions, CarePreferencesRequest? Preferences = null);

/// <param name="Preferences">The care preferences in force (the defaults until the Person sets them).</param>
/// <param name="PreferencesSet">False while the defaults are in force.</param>
public sealed record ProfileResponse(string RegionCode, string TimeZoneId, int? BirthYear, IReadOnlyList<HealthCondition> Conditions, string EmergencyNumber,
    CarePreferences Preferences, bool PreferencesSet, int Version)
{
    public static ProfileResponse From(Profile p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.RegionCode, p.TimeZoneId, p.BirthYear, [.. HealthConditions.Split(p.Conditions)], Regions.GetOrOther(p.RegionCode).EmergencyNumber,
            p.Preferences ?? CarePreferences.Default, p.Preferences is not null, p.Version);
    }
}

public enum ProfileSaveStatus
{
    Saved,
    Invalid,
    Stale,
}

/// <summary>Edits the Profile with the same version check as every other record.</summary>
public sealed class ProfileService(ReliefDbContext db, PersonContext person, SciaticaRelief.Web.Triage.TriageService triage)
{
    public async Task<(ProfileSaveStatus Status, Profile Profile, ValidationErrors Errors)> UpdateAsync(ProfileInput input, int expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var profile = await person.ProfileAsync(ct);
        var errors = ProfileValidator.Validate(input, person.UtcNow.Year);
        if (!errors.IsEmpty)
        {
            return (ProfileSaveStatus.Invalid, profile, errors);
        }
        if (profile.Version != expectedVersion)
        {
            return (ProfileSaveStatus.Stale, profile, errors);
        }
        var newlyTicked = input.Conditions & ~profile.Conditions;
        profile.RegionCode = Regions.GetOrOther(input.RegionCode).Code;
        profile.TimeZoneId = input.TimeZoneId!;
        profile.BirthYear = input.BirthYear;
        profile.Conditions = input.Conditions;
        if (input.Preferences is { } preferences)
        {
            profile.Preferences = preferences;
        }
        profile.UpdatedAtUtc = person.UtcNow;
        profile.Version = expectedVersion + 1;
        // A condition that is itself a warning sign (a possible clot) raises its alarm now, in the same
        // save, not at the next check-in.
        triage.RecordWarningSignConditions(newlyTicked, profile.AgeIn(person.UtcNow.Year));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Profiles.AsNoTracking().SingleAsync(ct);
            return (ProfileSaveStatus.Stale, current, errors);
        }
        return (ProfileSaveStatus.Saved, profile, errors);
    }
}

/// <summary>/api/v1/profile: read (ETag) and replace (If-Match).</summary>
public static class ProfileApi
{
    public static RouteGroupBuilder MapProfileApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/profile").WithTags("Profile");

        group.MapGet("/", async Task<IResult> (PersonContext person, HttpResponse response, CancellationToken ct) =>
        {
            var profile = await person.ProfileAsync(ct);
            response.Headers.ETag = ETags.Of(profile.Version);
            return TypedResults.Ok(ProfileResponse.From(profile));
        })
        .WithName("GetProfile")
        .Produces<ProfileResponse>();

        group.MapPut("/", async Task<IResult> (ProfileRequest request, HttpRequest http, ProfileService profiles, CancellationToken ct) =>
        {
            if (ETags.ParseIfMatch(http) is not { } version)
            {
                return Problems.PreconditionRequired();
            }
            var preferenceErrors = new ValidationErrors();
            var preferences = request.Preferences is { } p ? CarePreferencesInput.Read(p, preferenceErrors) : null;
            if (!preferenceErrors.IsEmpty)
            {
                return Problems.Invalid(preferenceErrors);
            }
            var input = new ProfileInput(request.RegionCode, request.TimeZoneId, request.BirthYear,
                (request.Conditions ?? []).Aggregate(HealthCondition.None, (a, c) => a | c), preferences);
            var (status, profile, errors) = await profiles.UpdateAsync(input, version, ct);
            switch (status)
            {
                case ProfileSaveStatus.Invalid:
                    return Problems.Invalid(errors);
                case ProfileSaveStatus.Stale:
                    return Problems.Stale();
                case ProfileSaveStatus.Saved:
                    http.HttpContext.Response.Headers.ETag = ETags.Of(profile.Version);
                    return TypedResults.Ok(ProfileResponse.From(profile));
                default:
                    throw new InvalidOperationException();
            }
        })
        .WithName("UpdateProfile")
        .WithSummary("Replace the Profile. Send If-Match with the ETag you read.")
        .Produces<ProfileResponse>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        return api;
    }
}
