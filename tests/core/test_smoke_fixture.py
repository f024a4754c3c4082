def test_station_db_opens(station_db):
    node = station_db.node()
    assert node.node_id == "430922101" and node.role == "station"
