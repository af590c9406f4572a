from __future__ import annotations

import json

from app.delivery.body import callback_body

DATA = '{"serviceOrderId":"4503599741262301","hangRemark ":"挂起"}'


def test_string_encoding_is_the_spec_table_form():
    body = json.loads(callback_body(base_code="HRZ", data_area="fwwt", change_id="6",
                                    data_json=DATA))
    assert body == {"baseCode": "", "dataArea": "fwwt", "changeId": "6", "data": DATA}


def test_object_encoding_embeds_the_stored_json_unchanged():
    raw = callback_body(base_code="HRZ", data_area="fwwt", change_id="6", data_json=DATA,
                        encoding="object", send_base_code=True)
    assert raw.decode().endswith(f',"data":{DATA}}}')
    assert json.loads(raw)["baseCode"] == "HRZ"
    assert json.loads(raw)["data"]["hangRemark "] == "挂起"
