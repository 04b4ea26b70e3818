using Ercot.Core.Schema;

namespace Ercot.Core.Import;

public static partial class ReportFormats
{
    private static IEnumerable<ReportFormat> LoadFormats()
    {
        string[] weatherZones = ["COAST", "EAST", "FAR_WEST", "NORTH", "NORTH_C", "SOUTHERN", "SOUTH_C", "WEST", "TOTAL"];
        yield return new ReportFormat("NP6-346-CD actual load by forecast zone", ReportFileKind.Csv, ErcotTables.LoadByForecastZone,
            ["OperDay", "HourEnding", "NORTH", "SOUTH", "WEST", "HOUSTON", "TOTAL", "DSTFlag"],
            (record, row) =>
            {
                WriteHour(record, row, "OperDay", "HourEnding", "DSTFlag", "OperDay");
                WriteValues(record, row, Same("NORTH", "SOUTH", "WEST", "HOUSTON", "TOTAL"));
            });

        yield return new ReportFormat("NP6-345-CD actual load by weather zone", ReportFileKind.Csv, ErcotTables.LoadByWeatherZone,
            ["OperDay", "HourEnding", .. weatherZones, "DSTFlag"],
            (record, row) =>
            {
                WriteHour(record, row, "OperDay", "HourEnding", "DSTFlag", "OperDay");
                WriteValues(record, row, Same(weatherZones));
            });

        // ERCOT's yearly native-load workbook, exported to CSV: one "MM/dd/yyyy HH:00[ DST]" column and short zone names.
        (string Source, string Target)[] nativeZones =
        [
            ("COAST", "COAST"), ("EAST", "EAST"), ("FWEST", "FAR_WEST"), ("NORTH", "NORTH"), ("NCENT", "NORTH_C"),
            ("SOUTH", "SOUTHERN"), ("SCENT", "SOUTH_C"), ("WEST", "WEST"), ("ERCOT", "TOTAL"),
        ];
        yield return new ReportFormat("ERCOT native load by weather zone", ReportFileKind.Csv, ErcotTables.LoadByWeatherZone,
            ["Hour Ending", .. nativeZones.Select(zone => zone.Source)],
            (record, row) =>
            {
                var hour = record.Check("Hour Ending", () => Time.ErcotTime.ParseHourEndingStamp(record.Text("Hour Ending")));
                row["OperDay"] = hour.DeliveryDate;
                row["HourEnding"] = hour.HourEnding;
                row["DSTFlag"] = hour.IsRepeated;
                row[ErcotTable.TimeColumn] = hour.StartUtc;
                WriteValues(record, row, nativeZones);
            });
    }
}
