using System.Collections.Concurrent;
using System.Security.Claims;
using SciaticaRelief.Core.Interop.Imports;

namespace SciaticaRelief.Web.Imports;

/// <summary>One import the page runs in the background, so a long file shows a progress bar.</summary>
public sealed class ImportJob(Guid id, Guid personId, DateTimeOffset startedAt)
{
    public Guid Id { get; } = id;
    public Guid PersonId { get; } = personId;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public double Progress { get; internal set; }
    public ImportAnswer? Answer { get; private set; }
    public string? Error { get; private set; }
    public bool Done => Answer is not null || Error is not null;

    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the job is done or failed.</summary>
    public Task Completion => _completion.Task;

    internal void Finish(ImportAnswer answer)
    {
        Progress = 1;
        Answer = answer;
        _completion.TrySetResult();
    }

    internal void Fail(string message)
    {
        Error = message;
        _completion.TrySetResult();
    }

    public ImportJobResponse ToResponse() => new(Id, Error is not null || Answer?.Errors.Count > 0 ? "failed" : Answer is not null ? "done" : "running",
        Progress, Answer is { Errors.Count: 0 } a ? ImportApi.ToResponse(a) : null,
        Error ?? (Answer is { Errors.Count: > 0 } failed ? string.Join(" ", failed.Errors.Take(3)) : null));
}

/// <summary>
/// The page's background imports, kept in memory for an hour after they start. Each runs in its own
/// DI scope as the Person who started it: the scope's request context carries only their identity, and
/// it is set with the caller's execution context suppressed, so the request that started it is untouched.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, IHttpContextAccessor accessor, TimeProvider clock, ILogger<ImportJobs> logger)
{
    public static readonly TimeSpan Kept = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();

    public ImportJob? Find(Guid personId, Guid id) => _jobs.TryGetValue(id, out var job) && job.PersonId == personId ? job : null;

    /// <summary>The Person's import still running, if any: one at a time.</summary>
    public ImportJob? Running(Guid personId) => _jobs.Values.FirstOrDefault(j => j.PersonId == personId && !j.Done);

    public ImportJob Start(ClaimsPrincipal user, Guid personId, byte[] file, string fileName, ImportOptions options)
    {
        var now = clock.GetUtcNow();
        foreach (var old in _jobs.Values.Where(j => j.StartedAt + Kept < now))
        {
            _jobs.TryRemove(old.Id, out _);
        }
        var job = new ImportJob(Guid.CreateVersion7(), personId, now);
        _jobs[job.Id] = job;
        var identity = user.Clone();
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => RunAsync(job, identity, file, fileName, options));
        }
        return job;
    }

    private async Task RunAsync(ImportJob job, ClaimsPrincipal user, byte[] file, string fileName, ImportOptions options)
    {
        var context = new DefaultHttpContext { User = user };
        accessor.HttpContext = context;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            context.RequestServices = scope.ServiceProvider;
            var service = scope.ServiceProvider.GetRequiredService<ImportService>();
            job.Finish(await service.RunAsync(file, fileName, options with { Preview = false }, new JobProgress(job)));
        }
        catch (ImportRefusedException e)
        {
            job.Fail(e.Message);
        }
#pragma warning disable CA1031 // A background import's fault is the Person's report, not the process's crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "A background import failed.");
            job.Fail("The import failed and nothing of it was saved. Try again; if it fails again, import a smaller file.");
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    private sealed class JobProgress(ImportJob job) : IProgress<double>
    {
        public void Report(double value) => job.Progress = Math.Clamp(value, 0, 1);
    }
}

/// <summary>
/// Uploads kept between the page's preview and its confirm: one per Person, in memory, for 30 minutes,
/// removed when the import starts. The token is a random id the page carries in a hidden field.
/// </summary>
public sealed class ImportUploads(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public sealed record Upload(Guid Token, Guid PersonId, byte[] Bytes, string FileName, DateTimeOffset Expires);

    private readonly ConcurrentDictionary<Guid, Upload> _uploads = new();

    public Guid Keep(Guid personId, byte[] bytes, string fileName)
    {
        var now = clock.GetUtcNow();
        foreach (var old in _uploads.Values.Where(u => u.PersonId == personId || u.Expires < now))
        {
            _uploads.TryRemove(old.Token, out _);
        }
        var token = Guid.NewGuid();
        _uploads[token] = new Upload(token, personId, bytes, fileName, now + Lifetime);
        return token;
    }

    public Upload? Find(Guid personId, Guid token) =>
        _uploads.TryGetValue(token, out var u) && u.PersonId == personId && u.Expires >= clock.GetUtcNow() ? u : null;

    public void Remove(Guid token) => _uploads.TryRemove(token, out _);
}

public static class ImportRegistration
{
    public const string ImportLimit = "imports";

    /// <summary>Imports a Person may start in ten minutes: a file is parsed in full each time.</summary>
    public const int ImportsPerTenMinutes = 20;

    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddSingleton<IImportReader>(sp => new CrisisCoreCsvReader(sp.GetRequiredService<Core.Treatments.LabelMaximums>()));
        services.AddSingleton<IImportReader>(sp => new CrisisCoreJsonReader(sp.GetRequiredService<Core.Treatments.LabelMaximums>()));
        services.AddSingleton<IImportReader>(sp => new PainDiaryBackupReader(sp.GetRequiredService<Core.Treatments.LabelMaximums>()));
        services.AddSingleton<IImportReader>(sp => new BearableCsvReader(sp.GetRequiredService<Core.Treatments.LabelMaximums>()));
        services.AddSingleton<IImportReader, LifeNotesJsonReader>();
        services.AddSingleton<IImportReader, GenericCsvReader>();
        services.AddScoped<ImportService>();
        services.AddSingleton<ImportJobs>();
        services.AddSingleton<ImportUploads>();
        // Uploads and confirmations count, by the API and the /import page alike; reading the page does not.
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(o => o.AddPolicy(ImportLimit, context =>
            HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter("reads")
                : System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                    "u:" + context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value,
                    _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = ImportsPerTenMinutes, Window = TimeSpan.FromMinutes(10) })));
        return services;
    }
}
