using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SciaticaRelief.Data;

namespace SciaticaRelief.Web.Imports;

/// <summary>
/// Inserts rows of any entity type the EF model maps to a table, on the DbContext's own connection
/// and transaction, with multi-row <c>INSERT … VALUES (…), (…)</c> statements: table and column
/// names come from the model, and each value goes through the column's EF type mapping (its value
/// converter and parameter settings), so a row is stored exactly as SaveChanges would store it,
/// without the change tracker. One command per table and statement size, its parameters made once and
/// rebound (SQLite keeps it prepared); the same path for SQLite (one row a statement) and PostgreSQL (many). No change tracking, so nothing here runs
/// SaveChanges' extras: the caller stamps derived fields and bumps the DataVersion.
/// </summary>
internal sealed class RowInserter(ReliefDbContext db, DbTransaction transaction) : IAsyncDisposable
{
    /// <summary>
    /// PostgreSQL: parameters per statement at most (its bound is 65,535), so a round trip carries many
    /// rows. SQLite has no round trip, and Microsoft.Data.Sqlite binds each parameter by name with a
    /// lookup that scans the statement's parameters, so a many-row statement costs the square of its
    /// size: there one prepared single-row statement, rebound per row, is fastest.
    /// </summary>
    private readonly int _maxParameters = db.Database.IsSqlite() ? 1 : 3000;

    private const int MaxRowsPerStatement = 200;

    private readonly Dictionary<Type, Table> _tables = [];
    private readonly Dictionary<(Type, int), Statement> _commands = [];
    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();

    public async Task InsertAsync(Type type, IEnumerable<object> rows, CancellationToken ct)
    {
        var table = TableOf(type);
        var buffer = new List<object>(table.RowsPerStatement);
        foreach (var row in rows)
        {
            buffer.Add(row);
            if (buffer.Count == table.RowsPerStatement)
            {
                await ExecuteAsync(table, buffer, ct);
                buffer.Clear();
            }
        }
        if (buffer.Count > 0)
        {
            await ExecuteAsync(table, buffer, ct);
        }
    }

    private async Task ExecuteAsync(Table table, List<object> rows, CancellationToken ct)
    {
        var statement = CommandFor(table, rows.Count);
        var n = 0;
        foreach (var row in rows)
        {
            foreach (var column in table.Columns)
            {
                // The value as EF stores it: through the column's converter (enums, dates, lists), null as DBNull.
                var value = column.Getter.GetClrValueUsingContainingEntity(row);
                statement.Parameters[n++].Value = (value is null || column.Mapping.Converter is not { } converter ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
            }
        }
        await statement.Command.ExecuteNonQueryAsync(ct);
    }

    private Statement CommandFor(Table table, int rows)
    {
        if (_commands.TryGetValue((table.Type, rows), out var statement))
        {
            return statement;
        }
        var text = new StringBuilder("INSERT INTO ").Append(table.Name).Append(" (").Append(table.ColumnList).Append(") VALUES ");
        var n = 0;
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < table.Columns.Length; c++)
            {
                text.Append(c == 0 ? "" : ", ").Append(_sql.GenerateParameterNamePlaceholder(Name(n++)));
            }
            text.Append(')');
        }
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text.Append(';').ToString();
        // Parameters made once, by the column's type mapping (provider type, size, nullability) as EF's own
        // insert makes them, and only their values set per row: creating them per value cost as much as the insert.
        var parameters = new DbParameter[rows * table.Columns.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var column = table.Columns[i % table.Columns.Length];
            parameters[i] = column.Mapping.CreateParameter(command, _sql.GenerateParameterName(Name(i)), null, column.Property.IsNullable);
            command.Parameters.Add(parameters[i]);
        }
        statement = new Statement(command, parameters);
        _commands[(table.Type, rows)] = statement;
        return statement;
    }

    private static string Name(int n) => "p" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Table TableOf(Type type)
    {
        if (_tables.TryGetValue(type, out var table))
        {
            return table;
        }
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var name = entity.GetTableName() ?? throw new InvalidOperationException($"{type.Name} is not mapped to a table.");
        var schema = entity.GetSchema();
        var store = StoreObjectIdentifier.Table(name, schema);
        var columns = entity.GetProperties()
            .Where(p => p.GetColumnName(store) is not null && p.GetComputedColumnSql(store) is null)
            .Select(p => new Column(p, p.GetColumnName(store)!, p.GetRelationalTypeMapping(), p.GetGetter()))
            .ToArray();
        table = new Table(type, _sql.DelimitIdentifier(name, schema), string.Join(", ", columns.Select(c => _sql.DelimitIdentifier(c.Name))), columns,
            Math.Clamp(_maxParameters / columns.Length, 1, MaxRowsPerStatement));
        _tables[type] = table;
        return table;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var statement in _commands.Values)
        {
            await statement.Command.DisposeAsync();
        }
        _commands.Clear();
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter);

    private sealed record Statement(DbCommand Command, DbParameter[] Parameters);

    private sealed record Table(Type Type, string Name, string ColumnList, Column[] Columns, int RowsPerStatement);
}
