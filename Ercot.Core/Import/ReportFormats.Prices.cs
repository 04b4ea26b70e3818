using Ercot.Core.Schema;
using Ercot.Core.Time;

namespace Ercot.Core.Import;

public static partial class ReportFormats
{
    private static IEnumerable<ReportFormat> PriceFormats()
    {
        // MIS CSV (DeliveryDate, MM/dd/yyyy) and the public API (deliveryDate, yyyy-MM-dd) differ only in case and date style.
        yield return new ReportFormat("NP4-190-CD DAM settlement point prices", ReportFileKind.Csv, ErcotTables.DamSettlementPointPrices,
            ["DeliveryDate", "HourEnding", "SettlementPoint", "SettlementPointPrice", "DSTFlag"],
            (record, row) =>
            {
                WriteHour(record, row, "DeliveryDate", "HourEnding", "DSTFlag", "DeliveryDate");
                row["SettlementPoint"] = record.Text("SettlementPoint");
                row["SettlementPointPrice"] = record.Real("SettlementPointPrice");
            });

        yield return new ReportFormat("NP6-905-CD real-time settlement point prices", ReportFileKind.Csv, ErcotTables.RealTimeSettlementPointPrices,
            ["DeliveryDate", "DeliveryHour", "DeliveryInterval", "SettlementPointName", "SettlementPointType", "SettlementPointPrice", "DSTFlag"],
            (record, row) =>
            {
                var date = record.Date("DeliveryDate");
                var hour = record.HourEnding("DeliveryHour");
                var interval = record.WholeNumber("DeliveryInterval");
                var repeated = record.Flag("DSTFlag");
                row["DeliveryDate"] = date;
                row["DeliveryHour"] = hour;
                row["DeliveryInterval"] = interval;
                row["DSTFlag"] = repeated;
                row["SettlementPointName"] = record.Text("SettlementPointName");
                row["SettlementPointType"] = record.Text("SettlementPointType");
                row["SettlementPointPrice"] = record.Real("SettlementPointPrice");
                row[ErcotTable.TimeColumn] = record.Check("DeliveryInterval", () => ErcotTime.IntervalStartUtc(date, hour, interval, repeated));
            });

        foreach (var format in InBothKinds("NP6-788-CD SCED LMPs", ErcotTables.ScedLmp,
            ["SCEDTimestamp", "RepeatedHourFlag", "SettlementPoint", "LMP"],
            (record, row) =>
            {
                WriteScedRun(record, row, "SCEDTimestamp");
                row["SettlementPoint"] = record.Text("SettlementPoint");
                row["LMP"] = record.Real("LMP");
            }))
        {
            yield return format;
        }

        yield return new ReportFormat("NP6-86-CD SCED shadow prices", ReportFileKind.Csv, ErcotTables.ShadowPrices,
            ["SCEDTimeStamp", "RepeatedHourFlag", "ConstraintID", "ConstraintName", "ContingencyName", "ShadowPrice", "MaxShadowPrice", "Limit", "Value", "ViolatedMW"],
            (record, row) =>
            {
                WriteScedRun(record, row, "SCEDTimeStamp");
                row["ConstraintID"] = record.Text("ConstraintID");
                row["ConstraintName"] = record.Text("ConstraintName");
                row["ContingencyName"] = record.Text("ContingencyName");
                WriteValues(record, row, Same("ShadowPrice", "MaxShadowPrice", "Limit", "Value", "ViolatedMW"));
                row["FromStation"] = record.OptionalText("FromStation");
                row["ToStation"] = record.OptionalText("ToStation");
            });

        // The header really says "REGUP " with a trailing space; column names are trimmed before matching.
        yield return new ReportFormat("NP4-188-CD DAM ancillary-service prices", ReportFileKind.Csv, ErcotTables.DamAncillaryPrices,
            ["Delivery Date", "Hour Ending", "Repeated Hour Flag", "REGDN", "REGUP", "RRS", "NSPIN"],
            (record, row) =>
            {
                WriteHour(record, row, "Delivery Date", "Hour Ending", "Repeated Hour Flag", "DeliveryDate");
                WriteValues(record, row, Same("REGDN", "REGUP", "RRS", "NSPIN", "ECRS"));
            });

        // Hourly settlement prices (operating day, hour ending 1..24, point, DAM SPP, hourly RT SPP = the mean of the
        // four 15-minute SPPs), as in dam_rtm_hourly_*.csv. Its quirks: the repeated fall-back hour is collapsed into
        // the first HE 02 (an optional DSTFlag column is honoured), placeholder rows carry no price at all (even for
        // the spring-forward day's missing HE 03) and are passed over, and a 'split' column is ignored.
        yield return new ReportFormat("hourly settlement prices (DAM SPP and hourly RT SPP)", ReportFileKind.Csv, ErcotTables.HourlySettlementPointPrices,
            ["settlement_point", "delivery_date", "hour_ending", "dam_spp", "rtm_spp_hourly_avg"],
            (record, row) =>
            {
                WriteHour(record, row, "delivery_date", "hour_ending", "DSTFlag", "DeliveryDate");
                row["SettlementPoint"] = record.Text("settlement_point");
                row["DamSettlementPointPrice"] = record.OptionalReal("dam_spp");
                row["RtSettlementPointPrice"] = record.OptionalReal("rtm_spp_hourly_avg");
            },
            carriesData: record => record.OptionalReal("dam_spp") is not null || record.OptionalReal("rtm_spp_hourly_avg") is not null);
    }

    /// <summary>A SCED run's local timestamp and repeated-hour flag, and its UTC instant.</summary>
    private static void WriteScedRun(SourceRecord record, RowWriter row, string timestampColumn)
    {
        var clock = record.LocalClock(timestampColumn);
        var repeated = record.Flag("RepeatedHourFlag");
        row[timestampColumn] = clock;
        row["RepeatedHourFlag"] = repeated;
        row[ErcotTable.TimeColumn] = record.Check(timestampColumn, () => ErcotTime.LocalClockToUtc(clock, repeated));
    }
}
